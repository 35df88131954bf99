// What the core may ask of storage, which may be shared: asynchronous (a database answers over the network), with
// what several instances on one database need to agree on: versions, unique emails, conditional status changes,
// claims and first sightings decided by the store, never by one process.
import type { StoredDownload } from './download.js';
import type { RegistrationCounts } from './registration-counts.js';
import type { PersonalDataCounts } from './retention-counts.js';
import type { LivePost, LiveQuestion, NewQuestion, QuestionStatus, VoteToggled } from './live-records.js';
import type { Nomination, NominationsAdded, NominationStatus } from './nomination.js';
import type { Feedback } from './feedback-record.js';
import type { Region } from '../choices.js';
import type { Announcement } from './announcement.js';
import type { FormProgress, Registration, RegistrationStatus, StoredConversation, Subscription, UserPrefs } from './records.js';

/** A form under way and its version: an opaque number that changes on every save and is never reused. */
export interface VersionedForm {
  progress: FormProgress;
  version: number;
}

/** 0 as the expected version: "there is no form yet". */
export const NO_FORM = 0;

export type FormSaved = { saved: true; version: number } | { saved: false; current: VersionedForm | undefined };

/**
 * Saved; refused because another registration (another id) holds the email; or not saved because it changed since
 * it was read (an organiser decided it meanwhile): read it again and decide again.
 */
export type RegistrationSaved = { outcome: 'saved'; registration: Registration } | { outcome: 'taken'; registration: Registration } | { outcome: 'moved'; registration: Registration | undefined };

/** What a save expects to find: nothing yet ('new'), or the registration as it was read (its updatedAt). */
export type RegistrationExpected = 'new' | { updatedAt: string };

/** Someone who starred a session, with the reminder lead they chose (absent: the default). */
export interface Starrer {
  userId: string;
  sessionId: string;
  remindMinutes?: number;
}

export interface AsyncStore {
  user(id: string): Promise<UserPrefs | undefined>;
  /** Only the fields in the patch change (a field given as undefined is removed); resolves once durable. */
  updateUser(id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void>;

  conversation(id: string): Promise<StoredConversation | undefined>;
  /** The conversations of one user (their personal chats), by id: what a direct message needs, without reading all. */
  conversationsOf(userId: string): Promise<StoredConversation[]>;
  saveConversation(conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void>;
  dropConversation(id: string): Promise<void>;

  registration(id: string): Promise<Registration | undefined>;
  registrationByEmail(email: string): Promise<Registration | undefined>;
  /** Registrations this chat user made or updated, newest first. */
  registrationsOf(userId: string): Promise<Registration[]>;
  /** The first registrations with this status, oldest first (what waits longest comes first), at most `limit`. */
  registrationsWithStatus(status: RegistrationStatus, limit: number): Promise<Registration[]>;
  /** Counts by status, region, country and interpretation, computed where the registrations are. */
  registrationCounts(): Promise<RegistrationCounts>;
  /** Every registration in export order (created, then id), a page at a time: memory stays flat as they grow. */
  registrationPages(pageSize?: number): AsyncIterable<Registration[]>;
  /**
   * Inserts or updates by id in one step; an email held by another id is refused ('taken'), never duplicated. With
   * `expected`, only over what was read ('moved' otherwise), so a re-submitted form never undoes a decision.
   */
  saveRegistration(registration: Registration, expected?: RegistrationExpected): Promise<RegistrationSaved>;
  /**
   * Changes the status only if it is still `from` (approve and decline from two places at once change it once).
   * Returns the updated registration, or undefined when it was not `from` any more (or is gone).
   */
  setRegistrationStatus(id: string, from: RegistrationStatus, to: RegistrationStatus, at: string, mark?: { invited: true }): Promise<Registration | undefined>;

  form(userId: string): Promise<VersionedForm | undefined>;
  /** Saves only over the version read (NO_FORM: only if none exists): two quick messages cannot both win. */
  saveForm(userId: string, progress: FormProgress, expectedVersion: number): Promise<FormSaved>;
  dropForm(userId: string): Promise<void>;

  isInvited(email: string): Promise<boolean>;
  /** Adds invited emails; returns how many were new. */
  addInvites(emails: string[], by: string): Promise<number>;
  inviteCount(): Promise<number>;

  subscriptions(): Promise<Subscription[]>;
  subscription(id: string): Promise<Subscription | undefined>;
  saveSubscription(subscription: Subscription): Promise<void>;
  dropSubscription(id: string): Promise<void>;

  /** Claims a scheduled post by its key (`digest::<subscription>::<local day>`): true for one caller only, ever. */
  claimPost(key: string): Promise<boolean>;
  /** Gives back a claim whose post was not sent (the platform refused it), so a later try may claim it; a sent one stays. */
  releasePost(key: string): Promise<void>;
  /** Records that the claimed post was sent. A crash between claim and mark leaves it claimed and unsent. */
  markPosted(key: string): Promise<void>;

  /** A value shared by every instance (the content version last reloaded); undefined when never set. */
  setting(key: string): Promise<string | undefined>;
  saveSetting(key: string, value: string): Promise<void>;

  /** True the first time (kind, id) is offered within ttlSeconds, across every instance: Slack retries, replays. */
  firstSeen(kind: string, id: string, ttlSeconds: number): Promise<boolean>;
  /**
   * This instance (`instanceId`) is alive for `ttlSeconds` more; the number of instances alive now, itself included
   * (at least 1): each takes that share of a platform's rate limit.
   */
  liveInstances(instanceId: string, ttlSeconds: number): Promise<number>;

  /** A private file behind an expiring link (`/files/<token>/<name>`). */
  saveDownload(token: string, download: StoredDownload): Promise<void>;
  /** The file while its link is valid at `now`; it stays available until it expires. */
  takeDownload(token: string, now?: string): Promise<StoredDownload | undefined>;
  /** Withdraws every link handed to this user; returns how many. */
  revokeDownloads(owner: string): Promise<number>;

  /** Stars a session (id as SESSION_ID, else ZodError): true if newly starred, false if it already was; throws TooManyStarsError past MAX_STARS_PER_USER. */
  star(userId: string, sessionId: string, at: string): Promise<boolean>;
  /** Removes a star: true if it was starred (a malformed session id never was: false). */
  unstar(userId: string, sessionId: string): Promise<boolean>;
  /** The user's starred sessions, oldest star first (then by session id). */
  starsOf(userId: string): Promise<Array<{ sessionId: string; at: string }>>;
  /** Who starred any of these sessions, ordered by session id then user id (code-unit order); malformed ids match nothing. */
  starrersOf(sessionIds: readonly string[]): Promise<Starrer[]>;
  /** Session id → how many users starred it (sessions nobody starred are absent). */
  starCounts(): Promise<Record<string, number>>;

  /** The user's private calendar token, made on first ask; every instance, racing or not, gets the same one. */
  feedToken(userId: string): Promise<string>;
  /** Whose calendar a token opens; undefined for an unknown, erased, purged or malformed token. */
  feedOwner(token: string): Promise<string | undefined>;

  /**
   * A new question to a session's panel, with the next short id (q1, q2…, never reused). Refused ('limit') when its
   * author already has `maxOpen` questions waiting or open in that session: counted where two instances cannot both pass.
   */
  addQuestion(question: NewQuestion, maxOpen: number): Promise<LiveQuestion | 'limit'>;
  /** One question with its votes; undefined for an unknown or malformed id. */
  question(id: string): Promise<LiveQuestion | undefined>;
  /** A session's questions, every status, most votes first, then oldest first, then by id. */
  questionsOf(sessionId: string): Promise<LiveQuestion[]>;
  /** Changes the status only from one of `from` (two moderators at once change it once); undefined when it was not. */
  setQuestionStatus(id: string, from: readonly QuestionStatus[], to: QuestionStatus, at: string): Promise<LiveQuestion | undefined>;
  /** Adds this person's vote, or takes it back if they had one: one vote per person and question, decided by the store. */
  toggleVote(questionId: string, userId: string, at: string): Promise<VoteToggled | undefined>;
  /** The questions this person asked (anonymous ones included), oldest first: their own data. */
  questionsBy(userId: string): Promise<LiveQuestion[]>;
  /** The questions this person voted for, and when, oldest first. */
  votesBy(userId: string): Promise<Array<{ questionId: string; at: string }>>;
  /** Platform user ids who moderate this session besides the organisers. */
  moderatorsOf(sessionId: string): Promise<string[]>;
  setModerators(sessionId: string, ids: readonly string[]): Promise<void>;
  /** Records where a channel's live post of a session is (replacing any before it). */
  saveLivePost(post: LivePost): Promise<void>;
  /** The live posts of a session, by channel. */
  livePosts(sessionId: string): Promise<LivePost[]>;

  /** Adds new nominations; an email already nominated (by anyone, whatever its case) is left as it was and named. */
  addNominations(nominations: Nomination[]): Promise<NominationsAdded>;
  nomination(id: string): Promise<Nomination | undefined>;
  /** The nominations one focal point made, newest first. */
  nominationsBy(focalPoint: string): Promise<Nomination[]>;
  /** The first nominations with this status (of one region, if given), oldest first, at most `limit`. */
  nominationsWithStatus(status: NominationStatus, limit: number, region?: Region): Promise<Nomination[]>;
  /** How many nominations have this status (in one region, if given). */
  nominationCount(status: NominationStatus, region?: Region): Promise<number>;
  /**
   * Decides a pending nomination once: undefined when it was not pending any more (or is gone). Accepting invites
   * its email in the same write, so an accepted nomination is never left uninvited.
   */
  decideNomination(id: string, to: Exclude<NominationStatus, 'pending'>, by: string, at: string): Promise<Nomination | undefined>;

  /** Saves this person's feedback on a session, replacing any they gave before (its first createdAt kept). */
  saveFeedback(feedback: Feedback): Promise<void>;
  /** This person's feedback on this session, if any. */
  feedbackFrom(userId: string, sessionId: string): Promise<Feedback | undefined>;
  /** The feedback on these sessions, by session id then oldest first (then by user id); malformed ids match nothing. */
  feedbackOn(sessionIds: readonly string[]): Promise<Feedback[]>;
  /** Every feedback kept, by session id then oldest first: the organisers' export. */
  allFeedback(): Promise<Feedback[]>;
  /** The feedback this person gave, oldest first: their own data. */
  feedbackBy(userId: string): Promise<Feedback[]>;
  /** Who starred this session, asked in it (named) or voted in it, once each, in code-unit order: its feedback prompt's people. */
  sessionAudience(sessionId: string): Promise<string[]>;
  /** Turns this person's feedback prompts off (`feedback off`) or back on. */
  setFeedbackPrompts(userId: string, on: boolean, at: string): Promise<void>;
  /** Those of these people who turned feedback prompts off. */
  feedbackPromptsOff(userIds: readonly string[]): Promise<Set<string>>;

  /** Erases everything kept about a chat user: preferences, form progress, registrations, conversations, stars, calendar token, votes, the nominations they made and those of their emails; their questions go, anonymous ones stay without author; their feedback and its setting. */
  /** Invited emails (by the team, or by an accepted nomination, with its region) that no registration holds, by email. */
  invitedUnregistered(): Promise<Array<{ email: string; region?: Region }>>;

  /** Adds a new announcement (its id not taken: false otherwise). */
  addAnnouncement(announcement: Announcement): Promise<boolean>;
  announcement(id: string): Promise<Announcement | undefined>;
  /** The latest announcements, newest send time first, at most `limit`. */
  announcements(limit: number): Promise<Announcement[]>;
  /** The announcements one organiser made, newest send time first. */
  announcementsBy(userId: string): Promise<Announcement[]>;
  /** Scheduled announcements whose time has come at `now`, oldest first. */
  dueAnnouncements(now: string): Promise<Announcement[]>;
  /** Counts one more message of it sent (in one step, whichever instance sent it). */
  countAnnouncementSent(id: string): Promise<void>;
  /**
   * Moves a scheduled announcement to sent (with the recipients it could not reach) or cancelled, once: undefined
   * when it was not scheduled any more (done or cancelled elsewhere meanwhile) or is gone.
   */
  closeAnnouncement(id: string, to: Exclude<Announcement['status'], 'scheduled'>, at: string, unreachable?: number): Promise<Announcement | undefined>;

  /** Erases everything kept about a chat user: preferences, form progress, registrations, conversations, stars, calendar token, the nominations they made and those of their emails, the announcements they made. */
  eraseUser(userId: string): Promise<void>;
  /** Forms under way last touched before this instant are dropped; returns how many. */
  dropFormsIdleSince(before: string): Promise<number>;
  /** What the retention purge would erase now. */
  personalDataCounts(): Promise<PersonalDataCounts>;
  /** The retention purge: every registration, invitation, form under way, personal conversation, download, star and calendar token, every question and vote, every feedback. */
  purgePersonalData(): Promise<PersonalDataCounts>;
  /** Resolves when the store answers; throws when it cannot be reached (the readiness probe). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
