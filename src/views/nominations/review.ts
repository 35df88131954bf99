// The core team's list of nominations waiting, oldest first, each with its focal point and region and the buttons
// that decide it from the list; and the line a decision answers with.
import type { CommandContext } from '../../core/context.js';
import type { Region } from '../../core/choices.js';
import type { Nomination } from '../../core/nominations/index.js';
import type { Block, Reply } from '../../core/reply.js';
import { dayName } from '../times.js';
import { focalPointId, nomineeName, regionName } from './labels.js';

export function reviewReply(ctx: CommandContext, waiting: readonly Nomination[], total: number, region?: Region): Reply {
  const where = region ? regionName(ctx, region) : '';
  if (waiting.length === 0) return { lang: ctx.lang, blocks: [{ type: 'text', text: [region ? ctx.t('nominations.noneIn', { region: where }) : ctx.t('nominations.none')] }] };
  const blocks: Block[] = [{ type: 'header', text: region ? ctx.t('nominations.headerIn', { count: total, region: where }) : ctx.t('nominations.header', { count: total }) }];
  for (const n of waiting) {
    blocks.push(
      { type: 'section', title: `${nomineeName(n)} (${n.id})`, text: [ctx.t('nominations.item', { region: regionName(ctx, n.region), focalPoint: focalPointId(n.focalPoint) })], meta: ctx.t('nominations.since', { day: dayName(ctx, n.createdAt.slice(0, 10)) }) },
      { type: 'actions', buttons: [{ label: ctx.t('nominations.accept'), command: `nominations accept ${n.id} list`, style: 'primary' }, { label: ctx.t('nominations.decline'), command: `nominations decline ${n.id} list`, style: 'danger' }] },
    );
  }
  if (total > waiting.length) blocks.push({ type: 'context', text: [ctx.t('nominations.more', { count: total - waiting.length })] });
  return { lang: ctx.lang, blocks };
}

/** The focal point told of the core team's decision, in the context's language (theirs). */
export function decisionNotice(ctx: CommandContext, n: Nomination): Reply {
  const key = n.status === 'accepted' ? 'nominations.toldAccepted' : 'nominations.toldDeclined';
  return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t(key, { who: nomineeName(n), region: regionName(ctx, n.region) })] }] };
}
