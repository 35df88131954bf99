// `--shift-to DATE`: an export of another event (last year's, a test conference) moved by whole days so that its
// first day falls on DATE, to try the bot with a real programme inside this event's dates.
import { DateTime } from 'luxon';
import type { EventInfo } from '../core/content/schema.js';
import type { ReadResult, RowProblem } from './types.js';

/** How far an import moved the file's dates: its first day `from` is now `to`, `days` later (or earlier). */
export interface Shift {
  from: string;
  to: string;
  days: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Undefined when `to` can be the first day of a shifted programme: a weekday of the event; else what is wrong. */
export function shiftTargetProblem(to: string, event: EventInfo): RowProblem | undefined {
  const day = ISO_DATE.test(to) ? DateTime.fromISO(to, { zone: event.timeZone }) : undefined;
  const span = `${event.weeks[0]!.start} to ${event.weeks.at(-1)!.end}`;
  if (!day?.isValid) return { line: 0, problem: `--shift-to "${to}" is not a date`, fix: `give the day the file's first day should fall on, as YYYY-MM-DD (the event runs ${span})` };
  if (to < event.start || to > event.end) return { line: 0, problem: `--shift-to ${to} is outside the event (${span})`, fix: 'give a weekday inside the event, such as its first day' };
  if (day.weekday > 5 || !event.weeks.some((w) => w.start <= to && to <= w.end)) {
    return { line: 0, problem: `--shift-to ${to} is a ${day.setLocale('en').toFormat('cccc')}, not a day of the event`, fix: "give a weekday of the event, so that the file's first day is one" };
  }
  return undefined;
}

/**
 * Every session moved by the same whole number of days, so that the file's first day lands on `to`: the day the file
 * declares (a frab/pretalx conference's `start`), else the day of its earliest session. The date moves in the event's
 * time zone and the times of day stay as read; each moved session remembers the date the file gave (`shiftedFrom`),
 * so a session that lands on a weekend or outside the event is refused naming both dates, never dropped.
 */
export function shiftSessions(read: ReadResult, to: string): { read: ReadResult; shift?: Shift } {
  const from = read.firstDay ?? read.sessions.map((s) => s.date).sort()[0];
  if (!from) return { read };
  const days = Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
  const sessions = read.sessions.map((s) => ({ ...s, date: DateTime.fromISO(s.date, { zone: 'UTC' }).plus({ days }).toISODate()!, shiftedFrom: s.date }));
  return { read: { ...read, sessions }, shift: { from, to, days } };
}
