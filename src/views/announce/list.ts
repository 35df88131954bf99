// The organisers' list of announcements: sent and scheduled, newest first, with counts; a scheduled one can be
// cancelled from the list.
import type { CommandContext } from '../../core/context.js';
import type { Announcement } from '../../core/announcements/index.js';
import type { Block, Reply } from '../../core/reply.js';
import { audienceName, whenName } from './labels.js';

function status(ctx: CommandContext, a: Announcement): string {
  if (a.status === 'cancelled') return ctx.t('announce.list.cancelled');
  if (a.status === 'sent') return ctx.t('announce.list.sent', { sent: a.sent, unreachable: a.unreachable });
  if (Date.parse(a.sendAt) <= ctx.now.toMillis()) return ctx.t('announce.list.sending', { sent: a.sent });
  return ctx.t('announce.list.scheduled');
}

export function announcementsReply(ctx: CommandContext, list: readonly Announcement[], cancelWord: string): Reply {
  if (list.length === 0) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('announce.list.none')] }] };
  const blocks: Block[] = [{ type: 'header', text: ctx.t('announce.list.header', { count: list.length }) }];
  for (const a of list) {
    blocks.push({ type: 'section', title: `${a.id} · ${audienceName(ctx, a.audience)}`, text: [a.text[ctx.lang] ?? a.text.en], meta: `${whenName(ctx, a.sendAt)} · ${status(ctx, a)}` });
    if (a.status === 'scheduled' && Date.parse(a.sendAt) > ctx.now.toMillis()) {
      blocks.push({ type: 'actions', buttons: [{ label: ctx.t('announce.list.cancel'), command: `${cancelWord} ${a.id}`, style: 'danger' }] });
    }
  }
  return { lang: ctx.lang, blocks };
}
