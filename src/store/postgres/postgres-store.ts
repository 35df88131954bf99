// The AsyncStore on PostgreSQL: every instance of the bot on one DATABASE_URL shares it and behaves as one bot.
// Each method is one statement or one transaction; what instances must agree on is decided by the database.
import pg from 'pg';
import { log } from '../../core/log.js';
import type { AsyncStore, RegistrationExpected, Starrer, FormSaved, RegistrationSaved, VersionedForm } from '../../core/store/async-store.js';
import type { StoredDownload } from '../../core/store/download.js';
import type { RegistrationCounts } from '../../core/store/registration-counts.js';
import type { PersonalPosts } from '../../core/store/personal-posts.js';
import type { PersonalDataCounts } from '../../core/store/retention-counts.js';
import type { LivePost, LiveQuestion, NewQuestion, QuestionStatus, VoteToggled } from '../../core/store/live-records.js';
import type { FormProgress, Registration, RegistrationStatus, StoredConversation, Subscription, UserPrefs } from '../../core/store/records.js';
import * as conversations from './conversations.js';
import * as downloads from './downloads.js';
import * as feeds from './feeds.js';
import * as forms from './forms.js';
import * as invites from './invites.js';
import * as live from './live.js';
import * as feedback from './feedback.js';
import type { Feedback } from '../../core/store/feedback-record.js';
import * as nominations from './nominations.js';
import * as announcements from './announcements.js';
import type { Announcement } from '../../core/store/announcement.js';
import type { Nomination, NominationsAdded, NominationStatus } from '../../core/store/nomination.js';
import type { Region } from '../../core/choices.js';
import { migrate } from './migrate.js';
import { mapLegacyRegions } from './legacy-regions.js';
import type { RegionOf } from '../legacy-regions.js';
import * as posts from './posts.js';
import * as settings from './settings.js';
import * as registrations from './registrations.js';
import * as retention from './retention.js';
import * as seen from './seen.js';
import * as instances from './instances.js';
import * as stars from './stars.js';
import * as subscriptions from './subscriptions.js';
import * as users from './users.js';

/** Connecting gives up after this long, a query after that long: a stopped or stalled database fails calls quickly. */
const CONNECT_TIMEOUT_MS = 2_000;
const QUERY_TIMEOUT_MS = 10_000;

/** Expired sightings are deleted once in this many calls: cheap, and the table stays small. */
const PRUNE_SEEN_EVERY = 500;

export interface PostgresStoreOptions {
  /** Which scheduled-post keys name a person: erased with that person's data, and all of them by the purge. */
  personalPosts: PersonalPosts;
  /** Connections this instance may hold (node-postgres' pool size). */
  maxConnections?: number;
  /** Each country's region: registrations and forms stored with AFR take it at start. */
  regionOf?: RegionOf;
}

export class PostgresStore implements AsyncStore {
  private sightings = 0;

  private constructor(
    readonly pool: pg.Pool,
    private readonly personalPosts: PersonalPosts,
    private readonly regionOf?: RegionOf,
  ) {}

  /** Connects, applies the migrations this database lacks (under an advisory lock), and returns the store. */
  static async open(url: string, options: PostgresStoreOptions): Promise<PostgresStore> {
    const store = PostgresStore.connect(url, options);
    try {
      await store.prepare();
      return store;
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  /** The store with its pool, not yet prepared: nothing is asked of the database until a call (or prepare). */
  static connect(url: string, options: PostgresStoreOptions): PostgresStore {
    // A database that does not answer fails a call in seconds instead of hanging it: Slack waits three at most.
    const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS });
    // An idle connection dropped by the server must not crash the process: the pool replaces it on the next call,
    // and the outage itself is logged once, by the calls that find it.
    pool.on('error', () => undefined);
    return new PostgresStore(pool, options.personalPosts, options.regionOf);
  }

  /** Applies the migrations this database lacks and gives AFR records their country's region; safe to repeat. */
  async prepare(): Promise<void> {
    const applied = await migrate(this.pool);
    if (applied.length > 0) log.info({ applied }, 'PostgreSQL store migrated');
    const mapped = this.regionOf ? await mapLegacyRegions(this.pool, this.regionOf) : 0;
    if (mapped > 0) log.info({ records: mapped }, 'AFR registrations given their country\'s region');
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  user = (id: string): Promise<UserPrefs | undefined> => users.user(this.pool, id);
  updateUser = (id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void> => users.updateUser(this.pool, id, patch);

  conversation = (id: string): Promise<StoredConversation | undefined> => conversations.conversation(this.pool, id);
  conversationsOf = (userId: string): Promise<StoredConversation[]> => conversations.conversationsOf(this.pool, userId);
  saveConversation = (c: Omit<StoredConversation, 'updatedAt'>): Promise<void> => conversations.saveConversation(this.pool, c);
  dropConversation = (id: string): Promise<void> => conversations.dropConversation(this.pool, id);

  registration = (id: string): Promise<Registration | undefined> => registrations.registration(this.pool, id);
  registrationByEmail = (email: string): Promise<Registration | undefined> => registrations.registrationByEmail(this.pool, email);
  registrationsOf = (userId: string): Promise<Registration[]> => registrations.registrationsOf(this.pool, userId);
  registrationCounts = (): Promise<RegistrationCounts> => registrations.registrationCounts(this.pool);
  registrationPages = (pageSize = 500): AsyncIterable<Registration[]> => registrations.registrationPages(this.pool, pageSize);
  saveRegistration = (r: Registration, expected?: RegistrationExpected): Promise<RegistrationSaved> => registrations.saveRegistration(this.pool, r, expected);
  registrationsWithStatus = (status: RegistrationStatus, limit: number): Promise<Registration[]> => registrations.registrationsWithStatus(this.pool, status, limit);
  setRegistrationStatus = (id: string, from: RegistrationStatus, to: RegistrationStatus, at: string, mark?: { invited: true }): Promise<Registration | undefined> =>
    registrations.setRegistrationStatus(this.pool, id, from, to, at, mark);

  form = (userId: string): Promise<VersionedForm | undefined> => forms.form(this.pool, userId);
  saveForm = (userId: string, progress: FormProgress, expectedVersion: number): Promise<FormSaved> => forms.saveForm(this.pool, userId, progress, expectedVersion);
  dropForm = (userId: string): Promise<void> => forms.dropForm(this.pool, userId);

  isInvited = (email: string): Promise<boolean> => invites.isInvited(this.pool, email);
  addInvites = (emails: string[], by: string): Promise<number> => invites.addInvites(this.pool, emails, by);
  inviteCount = (): Promise<number> => invites.inviteCount(this.pool);

  subscriptions = (): Promise<Subscription[]> => subscriptions.subscriptions(this.pool);
  subscription = (id: string): Promise<Subscription | undefined> => subscriptions.subscription(this.pool, id);
  saveSubscription = (s: Subscription): Promise<void> => subscriptions.saveSubscription(this.pool, s);
  dropSubscription = (id: string): Promise<void> => subscriptions.dropSubscription(this.pool, id);

  claimPost = (key: string): Promise<boolean> => posts.claimPost(this.pool, key);
  setting = (key: string): Promise<string | undefined> => settings.setting(this.pool, key);
  saveSetting = (key: string, value: string): Promise<void> => settings.saveSetting(this.pool, key, value);
  releasePost = (key: string): Promise<void> => posts.releasePost(this.pool, key);
  markPosted = (key: string): Promise<void> => posts.markPosted(this.pool, key);

  async firstSeen(kind: string, id: string, ttlSeconds: number): Promise<boolean> {
    if (++this.sightings % PRUNE_SEEN_EVERY === 0) await seen.forgetExpired(this.pool);
    return seen.firstSeen(this.pool, kind, id, ttlSeconds);
  }

  liveInstances = (instanceId: string, ttlSeconds: number): Promise<number> => instances.liveInstances(this.pool, instanceId, ttlSeconds);

  saveDownload = (token: string, download: StoredDownload): Promise<void> => downloads.saveDownload(this.pool, token, download);
  takeDownload = (token: string, now = new Date().toISOString()): Promise<StoredDownload | undefined> => downloads.takeDownload(this.pool, token, now);
  revokeDownloads = (owner: string): Promise<number> => downloads.revokeDownloads(this.pool, owner);

  star = (userId: string, sessionId: string, at: string): Promise<boolean> => stars.star(this.pool, userId, sessionId, at);
  unstar = (userId: string, sessionId: string): Promise<boolean> => stars.unstar(this.pool, userId, sessionId);
  starsOf = (userId: string): Promise<Array<{ sessionId: string; at: string }>> => stars.starsOf(this.pool, userId);
  starrersOf = (sessionIds: readonly string[]): Promise<Starrer[]> => stars.starrersOf(this.pool, sessionIds);
  starCounts = (): Promise<Record<string, number>> => stars.starCounts(this.pool);

  feedToken = (userId: string): Promise<string> => feeds.feedToken(this.pool, userId);
  feedOwner = (token: string): Promise<string | undefined> => feeds.feedOwner(this.pool, token);

  addQuestion = (q: NewQuestion, maxOpen: number): Promise<LiveQuestion | 'limit'> => live.addQuestion(this.pool, q, maxOpen);
  question = (id: string): Promise<LiveQuestion | undefined> => live.question(this.pool, id);
  questionsOf = (sessionId: string): Promise<LiveQuestion[]> => live.questionsOf(this.pool, sessionId);
  setQuestionStatus = (id: string, from: readonly QuestionStatus[], to: QuestionStatus, at: string): Promise<LiveQuestion | undefined> => live.setQuestionStatus(this.pool, id, from, to, at);
  toggleVote = (questionId: string, userId: string, at: string): Promise<VoteToggled | undefined> => live.toggleVote(this.pool, questionId, userId, at);
  questionsBy = (userId: string): Promise<LiveQuestion[]> => live.questionsBy(this.pool, userId);
  votesBy = (userId: string): Promise<Array<{ questionId: string; at: string }>> => live.votesBy(this.pool, userId);
  moderatorsOf = (sessionId: string): Promise<string[]> => live.moderatorsOf(this.pool, sessionId);
  setModerators = (sessionId: string, ids: readonly string[]): Promise<void> => live.setModerators(this.pool, sessionId, ids);
  saveLivePost = (post: LivePost): Promise<void> => live.saveLivePost(this.pool, post);
  livePosts = (sessionId: string): Promise<LivePost[]> => live.livePosts(this.pool, sessionId);
  addNominations = (list: Nomination[]): Promise<NominationsAdded> => nominations.addNominations(this.pool, list);
  nomination = (id: string): Promise<Nomination | undefined> => nominations.nomination(this.pool, id);
  nominationsBy = (focalPoint: string): Promise<Nomination[]> => nominations.nominationsBy(this.pool, focalPoint);
  nominationsWithStatus = (status: NominationStatus, limit: number, region?: Region): Promise<Nomination[]> => nominations.nominationsWithStatus(this.pool, status, limit, region);
  nominationCount = (status: NominationStatus, region?: Region): Promise<number> => nominations.nominationCount(this.pool, status, region);
  decideNomination = (id: string, to: Exclude<NominationStatus, 'pending'>, by: string, at: string): Promise<Nomination | undefined> => nominations.decideNomination(this.pool, id, to, by, at);

  saveFeedback = (f: Feedback): Promise<void> => feedback.saveFeedback(this.pool, f);
  feedbackFrom = (userId: string, sessionId: string): Promise<Feedback | undefined> => feedback.feedbackFrom(this.pool, userId, sessionId);
  feedbackOn = (sessionIds: readonly string[]): Promise<Feedback[]> => feedback.feedbackOn(this.pool, sessionIds);
  allFeedback = (): Promise<Feedback[]> => feedback.allFeedback(this.pool);
  feedbackBy = (userId: string): Promise<Feedback[]> => feedback.feedbackBy(this.pool, userId);
  sessionAudience = (sessionId: string): Promise<string[]> => feedback.sessionAudience(this.pool, sessionId);
  setFeedbackPrompts = (userId: string, on: boolean, at: string): Promise<void> => feedback.setFeedbackPrompts(this.pool, userId, on, at);
  feedbackPromptsOff = (userIds: readonly string[]): Promise<Set<string>> => feedback.feedbackPromptsOff(this.pool, userIds);
  invitedUnregistered = (): Promise<Array<{ email: string; region?: Region }>> => invites.invitedUnregistered(this.pool);
  addAnnouncement = (a: Announcement): Promise<boolean> => announcements.addAnnouncement(this.pool, a);
  announcement = (id: string): Promise<Announcement | undefined> => announcements.announcement(this.pool, id);
  announcements = (limit: number): Promise<Announcement[]> => announcements.announcements(this.pool, limit);
  announcementsBy = (userId: string): Promise<Announcement[]> => announcements.announcementsBy(this.pool, userId);
  dueAnnouncements = (now: string): Promise<Announcement[]> => announcements.dueAnnouncements(this.pool, now);
  countAnnouncementSent = (id: string): Promise<void> => announcements.countAnnouncementSent(this.pool, id);
  closeAnnouncement = (id: string, to: 'sent' | 'cancelled', at: string, unreachable?: number): Promise<Announcement | undefined> => announcements.closeAnnouncement(this.pool, id, to, at, unreachable);

  eraseUser = (userId: string): Promise<void> => retention.eraseUser(this.pool, this.personalPosts, userId);
  dropFormsIdleSince = (before: string): Promise<number> => forms.dropFormsIdleSince(this.pool, before);
  personalDataCounts = (): Promise<PersonalDataCounts> => retention.personalDataCounts(this.pool);
  purgePersonalData = (): Promise<PersonalDataCounts> => retention.purgePersonalData(this.pool, this.personalPosts);

  async close(): Promise<void> {
    await this.pool.end();
  }
}
