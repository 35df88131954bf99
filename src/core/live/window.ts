// When a session takes questions: from its live post (CKEX_LIVE_MINUTES before it starts) until it ends.
import type { DateTime } from 'luxon';
import type { Agenda, TimedSession } from '../agenda.js';

export type QuestionWindow = 'before' | 'open' | 'after';

export const opensAt = (timed: TimedSession, minutes: number): DateTime => timed.start.minus({ minutes });

export function questionWindow(timed: TimedSession, now: DateTime, minutes: number): QuestionWindow {
  if (now < opensAt(timed, minutes)) return 'before';
  return now < timed.end ? 'open' : 'after';
}

/** The session taking questions now (`ask <question>` alone): the one that started last, else the next to start. */
export function sessionTakingQuestions(agenda: Agenda, now: DateTime, minutes: number): TimedSession | undefined {
  const open = agenda.all().filter((t) => questionWindow(t, now, minutes) === 'open');
  return open.sort((a, b) => b.start.toMillis() - a.start.toMillis()).find((t) => t.start <= now) ?? open.sort((a, b) => a.start.toMillis() - b.start.toMillis())[0];
}
