// The people invited (by the team, or through an accepted nomination) who have not registered, by region; and what
// a round of reminders did: how many it writes to, and who it cannot write to (listed, not messaged).
import type { Region } from '../../core/choices.js';
import type { CommandContext } from '../../core/context.js';
import type { Block, Reply } from '../../core/reply.js';

/** At most this many emails shown in one reply. */
const SHOWN = 60;

export function notRegisteredReply(ctx: CommandContext, people: readonly { email: string; region?: Region }[], remindCommand: string): Reply {
  if (people.length === 0) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('followUp.none')] }] };
  const blocks: Block[] = [{ type: 'header', text: ctx.t('followUp.header', { count: people.length }) }];
  const byRegion = new Map<string, string[]>();
  for (const p of people.slice(0, SHOWN)) byRegion.set(p.region ?? '', [...(byRegion.get(p.region ?? '') ?? []), p.email]);
  const regions = [...byRegion.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  for (const region of regions) {
    const emails = byRegion.get(region)!;
    blocks.push({ type: 'section', title: region ? ctx.t(`form.choices.region.${region}`) : ctx.t('followUp.noRegion'), text: [emails.join('\n')], meta: ctx.t('followUp.inRegion', { count: emails.length }) });
  }
  if (people.length > SHOWN) blocks.push({ type: 'context', text: [ctx.t('followUp.more', { count: people.length - SHOWN })] });
  blocks.push({ type: 'actions', buttons: [{ label: ctx.t('followUp.remindButton'), command: remindCommand, style: 'primary' }] }, { type: 'context', text: [ctx.t('followUp.remindHelp', { command: remindCommand })] });
  return { lang: ctx.lang, blocks };
}

export function remindedReply(ctx: CommandContext, id: string | undefined, found: number, notFound: readonly string[]): Reply {
  const blocks: Block[] = [{ type: 'text', text: [id ? ctx.t('followUp.reminding', { id, count: found }) : ctx.t('followUp.nobodyFound')] }];
  if (notFound.length > 0) blocks.push({ type: 'section', title: ctx.t('followUp.notMessaged', { count: notFound.length }), text: [notFound.slice(0, SHOWN).join('\n')], meta: ctx.t('followUp.notMessagedWhy') });
  return { lang: ctx.lang, blocks };
}
