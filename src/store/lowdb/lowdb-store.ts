// The AsyncStore on lowdb, under DATA_DIR: one validated JSON file (file.ts) that one process holds (ckex.lock), so
// what PostgreSQL decides between instances is decided here in memory, synchronously, before any write awaits.
// Form versions live in memory (forms.ts); post claims in a file of their own (posts.ts); settings, sightings and
// download links in memory only (in-memory.ts).
import type { AsyncStore, FormSaved, RegistrationExpected, RegistrationSaved, Starrer, VersionedForm } from '../../core/store/async-store.js';
import type { StoredDownload } from '../../core/store/download.js';
import type { RegistrationCounts } from '../../core/store/registration-counts.js';
import type { PersonalDataCounts } from '../../core/store/retention-counts.js';
import type { FormProgress, Registration, RegistrationStatus, StoreData, StoredConversation, Subscription, UserPrefs } from '../../core/store/records.js';
import type { RegionOf } from '../legacy-regions.js';
import type { PersonalPosts } from '../../core/store/personal-posts.js';
import type { AtomicJsonFile } from './atomic-json-file.js';
import { openStoreFile, type StoreDb } from './file.js';
import { Forms } from './forms.js';
import { InMemory } from './in-memory.js';
import * as invites from './invites.js';
import * as nominations from './nominations.js';
import type { Nomination, NominationsAdded, NominationStatus } from '../../core/store/nomination.js';
import type { Region } from '../../core/choices.js';
import type { Lock } from './lock.js';
import { PostClaims } from './posts.js';
import { Registrations } from './registrations.js';
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
    this.parts = { db, registrations: new Registrations(db), forms: new Forms(db), stars: new Stars(db), posts, memory: new InMemory(), personalPosts };
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

  addNominations = (list: Nomination[]): Promise<NominationsAdded> => nominations.addNominations(this.db, list);
  nomination = async (id: string): Promise<Nomination | undefined> => nominations.nomination(this.db, id);
  nominationsBy = async (focalPoint: string): Promise<Nomination[]> => nominations.nominationsBy(this.db, focalPoint);
  nominationsWithStatus = async (status: NominationStatus, limit: number, region?: Region): Promise<Nomination[]> => nominations.nominationsWithStatus(this.db, status, limit, region);
  nominationCount = async (status: NominationStatus, region?: Region): Promise<number> => nominations.nominationCount(this.db, status, region);
  decideNomination = (id: string, to: Exclude<NominationStatus, 'pending'>, by: string, at: string): Promise<Nomination | undefined> => nominations.decideNomination(this.db, id, to, by, at);

  eraseUser = (userId: string): Promise<void> => retention.eraseUser(this.parts, userId);
  personalDataCounts = async (): Promise<PersonalDataCounts> => retention.personalDataCounts(this.db);
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
