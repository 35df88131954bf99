// Session times as TimeRefs: Slack shows each reader their own time, other surfaces the reply's zone.
import { DateTime } from 'luxon';
import type { TimedSession } from '../core/agenda.js';
import { formatDay, formatTime, zoneLabel } from '../core/i18n/format.js';
import type { Inline, RichText, TimeRef } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';

/**
 * Sessions are fixed instants and readers use a handful of zones, while luxon's zone conversions are the
 * costliest step of a reply (Intl.formatToParts on every call): remember each conversion once.
 */
const memo = new Map<string, string>();
function remembered(key: string, compute: () => string): string {
  let value = memo.get(key);
  if (value === undefined) {
    if (memo.size > 20_000) memo.clear();
    value = compute();
    memo.set(key, value);
  }
  return value;
}

export function timeRef(dt: DateTime, zone: string): TimeRef {
  const ms = dt.toMillis();
  return {
    at: remembered(`iso:${ms}`, () => dt.toUTC().toISO()!),
    style: 'time',
    text: remembered(`hm:${ms}:${zone}`, () => formatTime(dt.setZone(zone))),
  };
}

/** "08:30–10:00": the start and end as instants, shown under the reader's own date (so no "(+1)" is needed). */
export function sessionTimes(ctx: CommandContext, timed: TimedSession): RichText {
  const parts: Inline[] = [timeRef(timed.start, ctx.zone), '–', timeRef(timed.end, ctx.zone)];
  return parts;
}

/**
 * The same range inside a sentence, as the language phrases it: "08:30–10:00", «من 14:30 إلى 16:00» (a dash
 * between two times in a right-to-left sentence is read end first).
 */
export function sessionSpan(ctx: CommandContext, timed: TimedSession): RichText {
  const [start, end] = [timeRef(timed.start, ctx.zone), timeRef(timed.end, ctx.zone)];
  const parts = ctx.t('phrasing.timeSpan', { start: '\u0000start\u0000', end: '\u0000end\u0000' }).split('\u0000');
  return parts.flatMap((p): Inline[] => (p === 'start' ? [start] : p === 'end' ? [end] : p === '' ? [] : [p]));
}

/** The date a session starts on where the reader is. */
export const localDate = (ctx: CommandContext, timed: TimedSession): string =>
  remembered(`date:${timed.start.toMillis()}:${ctx.zone}`, () => timed.start.setZone(ctx.zone).toISODate()!);

/** "Times in America/New York (UTC-4)", or, where each reader sees their own time, says so. */
export function zoneNote(ctx: CommandContext, at: DateTime): string {
  if (ctx.shared) return ctx.t('common.timesLocal', { zone: zoneLabel(at.setZone(ctx.zone), ctx.lang) });
  return ctx.t('common.timesIn', { zone: zoneLabel(at.setZone(ctx.zone), ctx.lang) });
}

export const dayName = (ctx: CommandContext, isoDate: string): string =>
  remembered(`day:${isoDate}:${ctx.lang}`, () => formatDay(DateTime.fromISO(isoDate, { zone: ctx.core.agenda.zone }), ctx.lang));
