// The direct message before a starred session: what, when in the reader's zone, how to join if the agenda says,
// and buttons to open it or unstar it.
import type { TimedSession } from '../core/agenda.js';
import type { Block, Button, Reply } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { shownTitle } from './untranslated.js';
import { joinFromBlock, joinLinkFor } from './links.js';
import { sessionSpan } from './times.js';
import { formatDuration } from '../core/i18n/format.js';

export function reminderReply(ctx: CommandContext, timed: TimedSession): Reply {
  const { session } = timed;
  const minutes = Math.max(0, Math.ceil(timed.start.diff(ctx.now, 'minutes').minutes));
  const buttons: Button[] = [];
  // The join link as the card shows it: only from CKEX_JOIN_LINK_MINUTES before the start; earlier, when it comes.
  const join = joinLinkFor(session, timed.start, timed.end, ctx.now, ctx.core.joinLinkMinutes);
  if (join?.state === 'open') buttons.push({ label: ctx.t('buttons.join'), url: join.url, style: 'primary' });
  buttons.push({ label: ctx.t('buttons.details'), command: `session ${session.id}` }, { label: ctx.t('buttons.unstar'), command: `unstar ${session.id}` });
  const blocks: Block[] = [
    { type: 'header', text: ctx.t('reminder.header', { title: shownTitle(ctx, session) }) },
    // Under an hour in minutes; longer (a reminder set a day ahead, a card shown early) in days and hours.
    { type: 'text', text: [minutes < 60 ? ctx.t('reminder.startsIn', { count: minutes }) : ctx.t('reminder.startsInLong', { duration: formatDuration(minutes, ctx.lang) }), ' ', ...sessionSpan(ctx, timed)] },
    ...(join?.state === 'before' ? [joinFromBlock(ctx, join, 'reminder.joinFrom')] : []),
    { type: 'context', text: [ctx.t('reminder.why')] },
    { type: 'actions', buttons },
  ];
  return { lang: ctx.lang, blocks };
}
