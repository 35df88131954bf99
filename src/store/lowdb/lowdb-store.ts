// The AsyncStore on lowdb, under DATA_DIR: one validated JSON file (file.ts) that one process holds (ckex.lock), so
// what PostgreSQL decides between instances is decided here in memory, synchronously, before any write awaits.
// Form versions live in memory (forms.ts); post claims in a file of their own (posts.ts); settings, sightings and
// download links in memory only (in-memory.ts).
import type { AsyncStore, FormSaved, RegistrationExpected, RegistrationSaved, Starrer, VersionedForm } from '../../core/store/async-store.js';
import type { StoredDownload } from '../../core/store/download.js';
import type { RegistrationCounts } from '../../core/store/registration-counts.js';
import type { PersonalDataCounts } from '../../core/store/retention-counts.js';
import type { FormProgress, Registration, RegistrationStatus, StoreData, StoredConversation, Subscription, UserPrefs } from '../../core/store/records.js';
import type { LivePost, LiveQuestion, NewQuestion, QuestionStatus, VoteToggled } from '../../core/store/live-records.js';
import type { RegionOf } from '../legacy-regions.js';
import type { PersonalPosts } from '../../core/store/personal-posts.js';
import type { AtomicJsonFile } from './atomic-json-file.js';
import { openStoreFile, type StoreDb } from './file.js';
import { Forms } from './forms.js';
import { InMemory } from './in-memory.js';
import * as invites from './invites.js';
import * as nominations from './nominations.js';
import * as announcements from './announcements.js';
import { invitedUnregistered } from './unregistered.js';
import type { Announcement } from '../../core/store/announcement.js';
import type { Nomination, NominationsAdded, NominationStatus } from '../../core/store/nomination.js';
import type { Region } from '../../core/choices.js';
import type { Lock } from './lock.js';
import { PostClaims } from './posts.js';
import { Registrations } from './registrations.js';
import { Live } from './live.js';
import { FeedbackPart } from './feedback.js';
import type { Feedback } from '../../core/store/feedback-record.js';
import * as retention from './retention.js';
import { Stars } from './stars.js';
import * as subscriptions from './subscriptions.js';
import * as users from './users.js';

export interface LowdbStoreOptions {
  /** Which scheduled-post keys name a person: erased with that person's data, and all of them by the purge. */
  personalPosts: PersonalPosts;
  /** Each country's region: registrations and forms stored with AFR take it on open (src/store/legacy-regions.ts). */
  regionOf?: RegionOf;
}

export class LowdbStore implements AsyncStore {
  private readonly parts: retention.Parts;

  private constructor(
    private readonly db: StoreDb,
    /** The file itself, which counts its writes. */
    readonly file: AtomicJsonFile<StoreData>,
    private readonly lock: Lock,
    posts: PostClaims,
    personalPosts: PersonalPosts,
  ) {
    this.parts = { db, registrations: new Registrations(db), forms: new Forms(db), stars: new Stars(db), live: new Live(db), feedback: new FeedbackPart(db), posts, memory: new InMemory(), personalPosts };
  }

  static async open(dataDir: string, options: LowdbStoreOptions): Promise<LowdbStore> {
    const { db, file, lock } = await openStoreFile(dataDir, options.regionOf);
    try {
      return new LowdbStore(db, file, lock, await PostClaims.open(dataDir), options.personalPosts);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  user = async (id: string): Promise<UserPrefs | undefined> => users.user(this.db, id);
  updateUser = (id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void> => users.updateUser(this.db, id, patch);

  conversation = async (id: string): Promise<StoredConversation | undefined> => users.conversation(this.db, id);
  conversationsOf = async (userId: string): Promise<StoredConversation[]> => users.conversationsOf(this.db, userId);
  saveConversation = (c: Omit<StoredConversation, 'updatedAt'>): Promise<void> => users.saveConversation(this.db, c);
  dropConversation = (id: string): Promise<void> => users.dropConversation(this.db, id);

  registration = async (id: string): Promise<Registration | undefined> => this.parts.registrations.registration(id);
  registrationByEmail = async (email: string): Promise<Registration | undefined> => this.parts.registrations.holderOf(email);
  registrationsOf = async (userId: string): Promise<Registration[]> => this.parts.registrations.of(userId);
  registrationCounts = async (): Promise<RegistrationCounts> => this.parts.registrations.counts();
  registrationPages = (pageSize = 500): AsyncIterable<Registration[]> => this.parts.registrations.pages(pageSize);
  saveRegistration = (r: Registration, expected?: RegistrationExpected): Promise<RegistrationSaved> => this.parts.registrations.save(r, expected);
  registrationsWithStatus = async (status: RegistrationStatus, limit: number): Promise<Registration[]> => this.parts.registrations.withStatus(status, limit);
  setRegistrationStatus = (id: string, from: RegistrationStatus, to: RegistrationStatus, at: string, mark?: { invited: true }): Promise<Registration | undefined> =>
    this.parts.registrations.setStatus(id, from, to, at, mark);

  form = async (userId: string): Promise<VersionedForm | undefined> => this.parts.forms.form(userId);
  saveForm = (userId: string, progress: FormProgress, expectedVersion: number): Promise<FormSaved> => this.parts.forms.save(userId, progress, expectedVersion);
  dropForm = (userId: string): Promise<void> => this.parts.forms.drop(userId);
  dropFormsIdleSince = (before: string): Promise<number> => this.parts.forms.dropIdleSince(before);

  isInvited = async (email: string): Promise<boolean> => invites.isInvited(this.db, email);
  addInvites = (emails: string[], by: string): Promise<number> => invites.addInvites(this.db, emails, by);
  inviteCount = async (): Promise<number> => invites.inviteCount(this.db);

  subscriptions = async (): Promise<Subscription[]> => subscriptions.subscriptions(this.db);
  subscription = async (id: string): Promise<Subscription | undefined> => subscriptions.subscription(this.db, id);
  saveSubscription = (s: Subscription): Promise<void> => subscriptions.saveSubscription(this.db, s);
  dropSubscription = (id: string): Promise<void> => subscriptions.dropSubscription(this.db, id);

  claimPost = (key: string): Promise<boolean> => this.parts.posts.claim(key);
  releasePost = (key: string): Promise<void> => this.parts.posts.release(key);
  markPosted = (key: string): Promise<void> => this.parts.posts.markPosted(key);

  setting = async (key: string): Promise<string | undefined> => this.parts.memory.setting(key);
  saveSetting = async (key: string, value: string): Promise<void> => this.parts.memory.saveSetting(key, value);
  firstSeen = async (kind: string, id: string, ttlSeconds: number): Promise<boolean> => this.parts.memory.firstSeen(kind, id, ttlSeconds);
  liveInstances = async (instanceId: string, ttlSeconds: number): Promise<number> => this.parts.memory.liveInstances(instanceId, ttlSeconds);
  saveDownload = async (token: string, download: StoredDownload): Promise<void> => this.parts.memory.saveDownload(token, download);
  takeDownload = async (token: string, now = new Date().toISOString()): Promise<StoredDownload | undefined> => this.parts.memory.takeDownload(token, now);
  revokeDownloads = async (owner: string): Promise<number> => this.parts.memory.revokeDownloads(owner);

  star = (userId: string, sessionId: string, at: string): Promise<boolean> => this.parts.stars.star(userId, sessionId, at);
  unstar = (userId: string, sessionId: string): Promise<boolean> => this.parts.stars.unstar(userId, sessionId);
  starsOf = async (userId: string): Promise<Array<{ sessionId: string; at: string }>> => this.parts.stars.starsOf(userId);
  starrersOf = async (sessionIds: readonly string[]): Promise<Starrer[]> => this.parts.stars.starrersOf(sessionIds);
  starCounts = async (): Promise<Record<string, number>> => this.parts.stars.starCounts();
  feedToken = (userId: string): Promise<string> => this.parts.stars.feedToken(userId);
  feedOwner = async (token: string): Promise<string | undefined> => this.parts.stars.feedOwner(token);

  addQuestion = (q: NewQuestion, maxOpen: number): Promise<LiveQuestion | 'limit'> => this.parts.live.add(q, maxOpen);
  question = async (id: string): Promise<LiveQuestion | undefined> => this.parts.live.question(id);
  questionsOf = async (sessionId: string): Promise<LiveQuestion[]> => this.parts.live.questionsOf(sessionId);
  setQuestionStatus = (id: string, from: readonly QuestionStatus[], to: QuestionStatus, at: string): Promise<LiveQuestion | undefined> => this.parts.live.setStatus(id, from, to, at);
  toggleVote = (questionId: string, userId: string, at: string): Promise<VoteToggled | undefined> => this.parts.live.toggleVote(questionId, userId, at);
  questionsBy = async (userId: string): Promise<LiveQuestion[]> => this.parts.live.questionsBy(userId);
  votesBy = async (userId: string): Promise<Array<{ questionId: string; at: string }>> => this.parts.live.votesBy(userId);
  moderatorsOf = async (sessionId: string): Promise<string[]> => this.parts.live.moderatorsOf(sessionId);
  setModerators = (sessionId: string, ids: readonly string[]): Promise<void> => this.parts.live.setModerators(sessionId, ids);
  saveLivePost = (post: LivePost): Promise<void> => this.parts.live.saveLivePost(post);
  livePosts = async (sessionId: string): Promise<LivePost[]> => this.parts.live.livePosts(sessionId);
  addNominations = (list: Nomination[]): Promise<NominationsAdded> => nominations.addNominations(this.db, list);
  nomination = async (id: string): Promise<Nomination | undefined> => nominations.nomination(this.db, id);
  nominationsBy = async (focalPoint: string): Promise<Nomination[]> => nominations.nominationsBy(this.db, focalPoint);
  nominationsWithStatus = async (status: NominationStatus, limit: number, region?: Region): Promise<Nomination[]> => nominations.nominationsWithStatus(this.db, status, limit, region);
  nominationCount = async (status: NominationStatus, region?: Region): Promise<number> => nominations.nominationCount(this.db, status, region);
  decideNomination = (id: string, to: Exclude<NominationStatus, 'pending'>, by: string, at: string): Promise<Nomination | undefined> => nominations.decideNomination(this.db, id, to, by, at);

  saveFeedback = (feedback: Feedback): Promise<void> => this.parts.feedback.save(feedback);
  feedbackFrom = async (userId: string, sessionId: string): Promise<Feedback | undefined> => this.parts.feedback.from(userId, sessionId);
  feedbackOn = async (sessionIds: readonly string[]): Promise<Feedback[]> => this.parts.feedback.on(sessionIds);
  allFeedback = async (): Promise<Feedback[]> => this.parts.feedback.everything();
  feedbackBy = async (userId: string): Promise<Feedback[]> => this.parts.feedback.by(userId);
  sessionAudience = async (sessionId: string): Promise<string[]> => this.parts.feedback.audience(sessionId);
  setFeedbackPrompts = (userId: string, on: boolean, at: string): Promise<void> => this.parts.feedback.setPrompts(userId, on, at);
  feedbackPromptsOff = async (userIds: readonly string[]): Promise<Set<string>> => this.parts.feedback.promptsOff(userIds);
  invitedUnregistered = async (): Promise<Array<{ email: string; region?: Region }>> => invitedUnregistered(this.db, this.parts.registrations);
  addAnnouncement = (a: Announcement): Promise<boolean> => announcements.addAnnouncement(this.db, a);
  announcement = async (id: string): Promise<Announcement | undefined> => announcements.announcement(this.db, id);
  announcements = async (limit: number): Promise<Announcement[]> => announcements.announcements(this.db, limit);
  announcementsBy = async (userId: string): Promise<Announcement[]> => announcements.announcementsBy(this.db, userId);
  dueAnnouncements = async (now: string): Promise<Announcement[]> => announcements.dueAnnouncements(this.db, now);
  countAnnouncementSent = (id: string): Promise<void> => announcements.countAnnouncementSent(this.db, id);
  closeAnnouncement = (id: string, to: 'sent' | 'cancelled', at: string, unreachable?: number): Promise<Announcement | undefined> => announcements.closeAnnouncement(this.db, id, to, at, unreachable);

  eraseUser = (userId: string): Promise<void> => retention.eraseUser(this.parts, userId);
  personalDataCounts = async (): Promise<PersonalDataCounts> => retention.personalDataCounts(this.db, this.parts.live, this.parts.feedback);
  purgePersonalData = (): Promise<PersonalDataCounts> => retention.purgePersonalData(this.parts);

  /**
   * The data is in memory, so reads always answer; a failing disk shows on writes. After a failed write this writes
   * both files again: the health probe then finds the store back only once the disk takes a whole write (so an
   * outage is logged once, not once per retry), and a file left ahead of memory is put back in step.
   */
  async ping(): Promise<void> {
    if (this.file.failing) await this.db.flush();
    if (this.parts.posts.file.failing) await this.parts.posts.flush();
  }

  async close(): Promise<void> {
    await this.parts.posts.flush();
    await this.db.flush();
    this.lock.release();
  }
}
