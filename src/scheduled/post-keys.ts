// Every scheduled post has a key, claimed once across restarts and instances (AsyncStore.claimPost). All the keys
// are made here, and so is the rule of which keys name a person: those go with that person's data (`me delete`)
// and with the retention purge; keys that name only channels and versions stay.
import type { TimedSession } from '../core/agenda.js';
import type { PersonalPosts } from '../core/store/personal-posts.js';
import type { Subscription } from '../core/store/records.js';

/** One digest per subscription and local day. */
export const digestKey = (sub: Pick<Subscription, 'id'>, date: string): string => `digest::${sub.id}::${date}`;

/** One reminder per person, starred session and start (a moved session is reminded again). */
export const reminderKey = (userId: string, timed: TimedSession): string => `remind::${userId}::${timed.session.id}::${timed.start.toUTC().toISO()}`;

/** One change notice per person and reload (`<before>-><after>` content versions). */
export const noticeKey = (userId: string, versions: string): string => `notice::${userId}::${versions}`;

/** One schedule update per subscribed channel and reload. */
export const updateKey = (subscriptionId: string, versions: string): string => `update::${subscriptionId}::${versions}`;

/** One live post per subscribed channel and session start (a moved session gets a new one). */
export const liveKey = (subscriptionId: string, timed: TimedSession): string => `live::${subscriptionId}::${timed.session.id}::${timed.start.toUTC().toISO()}`;

/**
 * One in-place update of a live post per message and second, whichever instance makes it: the claim that coalesces
 * every change of that second into one chat.update or updateActivity (Slack's and Teams' limits are far above).
 */
export const liveUpdateKey = (sessionId: string, channel: string, second: number): string => `liveupd::${sessionId}::${channel}::${second}`;

/** The ended form of a session's live posts, once per session end: the instance that claims it updates them. */
export const liveEndedKey = (timed: TimedSession): string => `liveend::${timed.session.id}::${timed.end.toUTC().toISO()}`;
/** One feedback prompt per person, session and start (a moved session is asked about again). */
export const feedbackKey = (userId: string, timed: TimedSession): string => `feedback::${userId}::${timed.session.id}::${timed.start.toUTC().toISO()}`;

/** One summary to the organisers' channel per reload. */
export const summaryKey = (versions: string): string => `summary::${versions}`;

/** One direct message per person and announcement. */
export const announceKey = (userId: string, announcementId: string): string => `announce::${userId}::${announcementId}`;

/** One post per subscribed channel and announcement. */
export const announceChannelKey = (subscriptionId: string, announcementId: string): string => `announce-channel::${subscriptionId}::${announcementId}`;

/** The kinds of key that name a person, as the prefix each begins with. */
const PERSONAL_KINDS = ['remind', 'notice', 'feedback', 'announce'] as const;

/** Handed to the store at boot: it erases these with the person, and all of them in the purge. */
export const personalPosts: PersonalPosts = {
  prefixes: PERSONAL_KINDS.map((kind) => `${kind}::`),
  prefixesOf: (userId) => PERSONAL_KINDS.map((kind) => `${kind}::${userId}::`),
};
