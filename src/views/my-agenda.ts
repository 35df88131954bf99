// My agenda: the sessions I starred, coming ones first with the day they are on in my zone, then how many are
// over; my reminder setting; my private calendar address.
import { capitalise } from '../core/i18n/format.js';
import type { TimedSession } from '../core/agenda.js';
import { remindMinutesOf } from '../core/reminders.js';
import type { Block, Button, Reply } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { sessionLine } from './session-lines.js';
import { dayName, localDate } from './times.js';

/** The starred sessions still in the agenda, in time order. */
export function starredSessions(ctx: CommandContext, ids: readonly string[]): TimedSession[] {
  return ids
    .map((id) => ctx.core.agenda.session(id))
    .filter((s): s is TimedSession => s !== undefined)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis());
}

/** Coming starred sessions, a line each with its day and an unstar button. */
export function starredBlocks(ctx: CommandContext, sessions: TimedSession[]): Block[] {
  return sessions.map((timed) => ({
    type: 'text' as const,
    text: [`${capitalise(dayName(ctx, localDate(ctx, timed)), ctx.lang)} · `, ...sessionLine(ctx, timed)],
    accessory: { label: ctx.t('buttons.unstar'), command: `unstar ${timed.session.id}` },
  }));
}

export function myAgendaReply(ctx: CommandContext, ids: readonly string[], feedUrl: string | undefined): Reply {
  const all = starredSessions(ctx, ids);
  const coming = all.filter((s) => s.end > ctx.now);
  const over = all.length - coming.length;
  const blocks: Block[] = [{ type: 'header', text: ctx.t('myAgenda.header') }];
  if (all.length === 0) {
    blocks.push({ type: 'text', text: [ctx.t('myAgenda.empty')] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.today'), command: 'today' }, { label: ctx.t('buttons.thisWeek'), command: 'week' }] });
    return { lang: ctx.lang, blocks };
  }
  if (coming.length === 0) blocks.push({ type: 'text', text: [ctx.t('myAgenda.allOver')] });
  blocks.push(...starredBlocks(ctx, coming));
  if (over > 0) blocks.push({ type: 'context', text: [ctx.t('myAgenda.over', { count: over })] });
  const minutes = remindMinutesOf(ctx.prefs);
  blocks.push({ type: 'context', text: [minutes === 0 ? ctx.t('myAgenda.remindersOff') : ctx.t('myAgenda.reminders', { count: minutes })] });
  const buttons: Button[] = [];
  if (feedUrl) {
    buttons.push({ label: ctx.t('buttons.myCalendar'), url: feedUrl });
    blocks.push({ type: 'context', text: [ctx.t('myAgenda.feedNote')] });
  }
  buttons.push(minutes === 0 ? { label: ctx.t('buttons.remindOn'), command: 'remind 10' } : { label: ctx.t('buttons.remindOff'), command: 'remind off' });
  blocks.push({ type: 'actions', buttons });
  return { lang: ctx.lang, blocks };
}
