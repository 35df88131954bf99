// Reminders as scheduled posts: before each starred session, one direct message to each person who starred it,
// when their own lead time (`remind`, default 10 minutes) has come and the session has not started. Each is
// claimed by key (user, session and its start) before it is sent, so it goes once across restarts and instances;
// one missed while the bot was down goes out late if the session has not started; an unstarred one never goes.
import type { DateTime } from 'luxon';
import type { TimedSession } from '../core/agenda.js';
import type { BotCore } from '../core/bot-core.js';
import { DEFAULT_REMIND_MINUTES } from '../core/reminders.js';
import { reminderKey } from './post-keys.js';

/** The longest lead `remind` accepts: sessions further off than this cannot be due. */
export const MAX_REMIND_MINUTES = 1440;

export interface DueReminder {
  key: string;
  userId: string;
  timed: TimedSession;
}

/** A moved session is a new reminder: its start is part of the key. */

/** The reminders whose time has come at `now` and whose session has not started. */
export async function dueReminders(core: BotCore, now: DateTime): Promise<DueReminder[]> {
  const horizon = now.plus({ minutes: MAX_REMIND_MINUTES });
  const upcoming = new Map(
    core.agenda
      .all()
      .filter((s) => s.start > now && s.start <= horizon)
      .map((s) => [s.session.id, s]),
  );
  if (upcoming.size === 0) return [];
  const due: DueReminder[] = [];
  for (const { userId, sessionId, remindMinutes } of await core.store.starrersOf([...upcoming.keys()])) {
    const timed = upcoming.get(sessionId)!;
    const lead = remindMinutes ?? DEFAULT_REMIND_MINUTES;
    if (lead === 0 || now < timed.start.minus({ minutes: lead })) continue;
    due.push({ key: reminderKey(userId, timed), userId, timed });
  }
  return due;
}
