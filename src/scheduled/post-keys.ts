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

/** One summary to the organisers' channel per reload. */
export const summaryKey = (versions: string): string => `summary::${versions}`;

/** One direct message per person and announcement. */
export const announceKey = (userId: string, announcementId: string): string => `announce::${userId}::${announcementId}`;

/** One post per subscribed channel and announcement. */
export const announceChannelKey = (subscriptionId: string, announcementId: string): string => `announce-channel::${subscriptionId}::${announcementId}`;

/** The kinds of key that name a person, as the prefix each begins with. */
const PERSONAL_KINDS = ['remind', 'notice', 'announce'] as const;

/** Handed to the store at boot: it erases these with the person, and all of them in the purge. */
export const personalPosts: PersonalPosts = {
  prefixes: PERSONAL_KINDS.map((kind) => `${kind}::`),
  prefixesOf: (userId) => PERSONAL_KINDS.map((kind) => `${kind}::${userId}::`),
};
