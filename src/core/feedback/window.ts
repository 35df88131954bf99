// When a session takes feedback: from its start (people who came without starring can give it any time) until
// seven days after it ends, when the form closes; and when its prompt goes: CKEX_FEEDBACK_MINUTES after it ends.
import type { DateTime } from 'luxon';
import type { TimedSession } from '../agenda.js';

/** An answer can be given or changed this many days after the session ends. */
export const FEEDBACK_OPEN_DAYS = 7;
/** Minutes after a session ends when its prompt goes, unless CKEX_FEEDBACK_MINUTES says otherwise. */
export const DEFAULT_FEEDBACK_MINUTES = 5;

export type FeedbackWindow = 'before' | 'open' | 'closed';

export const closesAt = (timed: TimedSession): DateTime => timed.end.plus({ days: FEEDBACK_OPEN_DAYS });

export function feedbackWindow(timed: TimedSession, now: DateTime): FeedbackWindow {
  if (now < timed.start) return 'before';
  return now < closesAt(timed) ? 'open' : 'closed';
}

/** When the prompt of a session is due; it stays due while its form is open (a restart does not lose it). */
export const promptAt = (timed: TimedSession, minutes: number): DateTime => timed.end.plus({ minutes });
