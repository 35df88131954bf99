// Session times as TimeRefs: Slack shows each reader their own time, other surfaces the reply's zone.
import { DateTime } from 'luxon';
import type { TimedSession } from '../../core/agenda.js';
import { formatDay, formatTime, zoneLabel } from '../../core/i18n/format.js';
import type { Inline, RichText, TimeRef } from '../../core/reply.js';
import type { CommandContext } from '../types.js';

export function timeRef(dt: DateTime, zone: string): TimeRef {
  const local = dt.setZone(zone);
  return { at: dt.toUTC().toISO()!, style: 'time', text: formatTime(local) };
}

/** "08:30–10:00", with "(+1)" when the reader's day differs from the event's. */
export function sessionTimes(ctx: CommandContext, timed: TimedSession): RichText {
  const parts: Inline[] = [timeRef(timed.start, ctx.zone), '–', timeRef(timed.end, ctx.zone)];
  const shift = timed.start.setZone(ctx.zone).startOf('day').diff(timed.start.startOf('day'), 'days').days;
  if (Math.round(shift) !== 0) parts.push(` (${shift > 0 ? '+' : ''}${Math.round(shift)})`);
  return parts;
}

/** "Times in America/New York (UTC-4)", or, where each reader sees their own time, says so. */
export function zoneNote(ctx: CommandContext, at: DateTime): string {
  if (ctx.shared) return ctx.t('common.timesLocal', { zone: zoneLabel(at.setZone(ctx.zone)) });
  return ctx.t('common.timesIn', { zone: zoneLabel(at.setZone(ctx.zone)) });
}

export const dayName = (ctx: CommandContext, isoDate: string): string =>
  formatDay(DateTime.fromISO(isoDate, { zone: ctx.core.agenda.zone }), ctx.lang);
