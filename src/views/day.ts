// The agenda of one day where the reader is: the sessions that start on that date in their zone (Auckland's
// 5 May holds Washington's 4 May), the week and its theme, local times, and a way to the days around it.
import type { TimedSession } from '../core/agenda.js';
import { capitalise } from '../core/i18n/format.js';
import type { Block, Button, Reply } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { agendaNotes } from './notes.js';
import { cachedReply } from './reply-cache.js';
import { sessionBlocks, sessionButton } from './session-lines.js';
import { dayName } from './times.js';

/** Why a day has no sessions, and which event day to show instead. */
function outsideNote(ctx: CommandContext, date: string): { note: string; shown: string } {
  const { agenda } = ctx.core;
  const status = agenda.status(date, ctx.zone);
  const shown = agenda.nearestDay(date, ctx.zone);
  const args = { day: dayName(ctx, date), next: dayName(ctx, shown), first: dayName(ctx, agenda.firstDayIn(ctx.zone)), last: dayName(ctx, agenda.lastDayIn(ctx.zone)) };
  return { note: ctx.t(`day.${status}`, args), shown };
}

/** Narrows a day to some of its sessions (a part of the day, a subject); `none` says so when none qualify. */
export interface DayFilter {
  only: (timed: TimedSession) => boolean;
  /** Added to the header: "afternoon". */
  label?: string;
  none: string;
}

/**
 * A whole day (no filter) is made of its date, the reader's language and zone, whether it is shared, and which of
 * its sessions the reader starred: built once for all who share those (reply-cache.ts).
 */
export function dayReply(ctx: CommandContext, date: string, filter?: DayFilter): Reply {
  if (filter) return buildDay(ctx, date, filter);
  const { agenda } = ctx.core;
  const shown = agenda.status(date, ctx.zone) === 'event-day' ? date : agenda.nearestDay(date, ctx.zone);
  const starred = ctx.shared || !ctx.starred ? '' : agenda.on(shown, ctx.zone).filter((t) => ctx.starred!.has(t.session.id)).map((t) => t.session.id).join(',');
  return cachedReply(agenda, `day|${date}|${ctx.lang}|${ctx.zone}|${ctx.shared ? 1 : 0}|${starred}`, () => buildDay(ctx, date));
}

function buildDay(ctx: CommandContext, date: string, filter?: DayFilter): Reply {
  const { agenda } = ctx.core;
  const blocks: Block[] = [];
  let shown = date;
  if (agenda.status(date, ctx.zone) !== 'event-day') {
    const outside = outsideNote(ctx, date);
    blocks.push({ type: 'text', text: [outside.note] });
    shown = outside.shown;
  }
  const week = agenda.currentWeek(shown, ctx.zone);
  const all = agenda.on(shown, ctx.zone);
  const chosen = filter ? all.filter(filter.only) : all;
  // When nothing on the day qualifies, say so and show the whole day rather than nothing.
  const sessions = chosen.length > 0 ? chosen : all;
  const header = capitalise(ctx.t('day.header', { day: dayName(ctx, shown), week: week.number }), ctx.lang);
  if (filter && chosen.length === 0) blocks.push({ type: 'text', text: [filter.none] });
  blocks.push(
    { type: 'header', text: filter?.label && chosen.length > 0 ? `${header} · ${filter.label}` : header },
    { type: 'text', text: [ctx.t('common.weekTheme', { number: week.number, title: week.title[ctx.lang] })] },
  );
  if (sessions.length === 0) blocks.push({ type: 'text', text: [ctx.t('day.noSessions')] });
  blocks.push(...sessionBlocks(ctx, sessions));
  blocks.push(...agendaNotes(ctx, sessions[0]?.start));
  blocks.push({ type: 'actions', buttons: dayButtons(ctx, shown, week.number) });
  return { lang: ctx.lang, blocks, shareable: true, shows: { sessions: sessions.map((s) => s.session.id), day: shown } };
}

function dayButtons(ctx: CommandContext, date: string, week: number): Button[] {
  const { agenda } = ctx.core;
  const buttons: Button[] = [];
  const prev = agenda.step(date, -1, ctx.zone);
  const next = agenda.step(date, 1, ctx.zone);
  if (prev) buttons.push({ label: ctx.t('buttons.previousDay'), command: `agenda ${prev}` });
  if (next) buttons.push({ label: ctx.t('buttons.nextDay'), command: `agenda ${next}` });
  buttons.push({ label: ctx.t('buttons.week', { number: week }), command: `week ${week}` });
  for (const timed of agenda.on(date, ctx.zone)) buttons.push(sessionButton(ctx, timed));
  return buttons;
}
