// When a starred session's reminder is due: a number of minutes before its start, chosen with `remind`.
import type { UserPrefs } from './store/records.js';

/** Minutes before a starred session when its reminder comes, unless the user chose otherwise. */
export const DEFAULT_REMIND_MINUTES = 10;

/** The user's reminder lead in minutes; 0 means reminders are off. */
export const remindMinutesOf = (prefs: UserPrefs | undefined): number => prefs?.remindMinutes ?? DEFAULT_REMIND_MINUTES;
