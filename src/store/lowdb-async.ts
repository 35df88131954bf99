// The AsyncStore over the lowdb store, so one contract fits both stores. One process holds DATA_DIR (ckex.lock),
// so what PostgreSQL decides between instances is decided here in memory, synchronously, before any write awaits:
// - form versions live in memory (a restart gives every stored form a fresh version: nothing can race it);
// - scheduled-post claims are kept in DATA_DIR/ckex-posts.json (posts-file.ts), so a restart never repeats a post;
// - sightings (firstSeen) and download links live in memory with their expiry, as they did before: a restart
//   forgets them, which costs at most one repeated answer to a retry that straddles it, and old links.
import { dirname, join } from 'node:path';
import type { AsyncStore, RegistrationExpected, Starrer, FormSaved, RegistrationSaved, VersionedForm } from '../core/store/async-store.js';
import { NO_FORM } from '../core/store/async-store.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import { storedDownloadSchema, type StoredDownload } from '../core/store/download.js';
import type { RegionOf } from './legacy-regions.js';
import { LowdbStore } from './lowdb-store.js';
import { settingKey, settingValue } from './setting.js';
import { isPersonalPost, personalPostPrefixes } from './personal-posts.js';
import { emptyPostsFile, POSTS_FILE, postsFileSchema, type PostsFileData } from './posts-file.js';
import { countRegistrations, type RegistrationCounts } from '../core/store/registration-counts.js';
import type { PersonalDataCounts } from '../core/store/retention-counts.js';
import { admit } from './record-limits.js';
import { feedTokenSchema } from '../core/store/feed-token.js';
import { conversationSchema, formProgressSchema, registrationSchema, sessionIdSchema, starSchema, subscriptionSchema, userIdSchema, userPrefsSchema, type FormProgress, type Registration, type RegistrationStatus, type StoredConversation, type Subscription, type UserPrefs } from '../core/store/records.js';

/** Sightings kept at most: the oldest go first. */
const MAX_SIGHTINGS = 200_000;

const userPatchSchema = userPrefsSchema.omit({ updatedAt: true }).partial();
const byExportOrder = (a: Registration, b: Registration) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export class LowdbAsyncStore implements AsyncStore {
  private readonly versions = new Map<string, number>();
  private lastVersion = 0;
  private readonly sightings = new Map<string, number>();
  private readonly downloads = new Map<string, StoredDownload>();
  private readonly settings = new Map<string, string>();

  private constructor(
    readonly store: LowdbStore,
    private readonly postsFile: AtomicJsonFile<PostsFileData>,
    private readonly posts: PostsFileData,
  ) {}

  static async open(dataDir: string, regionOf?: RegionOf): Promise<LowdbAsyncStore> {
    return LowdbAsyncStore.over(await LowdbStore.open(dataDir, regionOf));
  }

  /** Wraps a store already open (it holds DATA_DIR's lock); the claims file sits beside its file. */
  static async over(store: LowdbStore): Promise<LowdbAsyncStore> {
    const postsFile = new AtomicJsonFile(join(dirname(store.file.file), POSTS_FILE), postsFileSchema);
    try {
      return new LowdbAsyncStore(store, postsFile, (await postsFile.read()) ?? emptyPostsFile());
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  async user(id: string): Promise<UserPrefs | undefined> {
    return this.store.user(id);
  }

  async updateUser(id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void> {
    userPatchSchema.parse(patch);
    await this.store.updateUser(id, patch);
  }

  async conversation(id: string): Promise<StoredConversation | undefined> {
    return this.store.conversation(id);
  }

  async conversationsOf(userId: string): Promise<StoredConversation[]> {
    return this.store.conversationsOf(userId);
  }

  async saveConversation(conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void> {
    conversationSchema.omit({ updatedAt: true }).parse(conversation);
    await this.store.saveConversation(conversation);
  }

  async dropConversation(id: string): Promise<void> {
    await this.store.dropConversation(id);
  }

  async registration(id: string): Promise<Registration | undefined> {
    return this.store.registration(id);
  }

  async registrationByEmail(email: string): Promise<Registration | undefined> {
    return this.holderOf(email);
  }

  /** Synchronous, so a save can check and write before anything else runs. */
  private holderOf(email: string): Registration | undefined {
    const found = this.store.registrationByEmail(email);
    // LowdbStore's email index keeps an email a registration has since changed: only the current holder counts.
    return found && found.email.toLowerCase() === email.toLowerCase() ? found : undefined;
  }

  async registrationsOf(userId: string): Promise<Registration[]> {
    return this.store.registrationsOf(userId);
  }

  async registrationCounts(): Promise<RegistrationCounts> {
    return countRegistrations(this.store.registrations());
  }

  async registrationsWithStatus(status: RegistrationStatus, limit: number): Promise<Registration[]> {
    return this.store
      .registrations()
      .filter((r) => r.status === status)
      .sort(byExportOrder)
      .slice(0, Math.max(0, Math.floor(limit)));
  }

  async *registrationPages(pageSize = 500): AsyncIterable<Registration[]> {
    const all = this.store.registrations().sort(byExportOrder);
    for (let i = 0; i < all.length; i += pageSize) yield all.slice(i, i + pageSize);
  }

  async saveRegistration(registration: Registration, expected?: RegistrationExpected): Promise<RegistrationSaved> {
    const r = registrationSchema.parse(admit('registration', registration));
    // No await between these checks and the write below: nothing can move in between.
    const current = this.store.registration(r.id);
    if (expected === 'new' ? current !== undefined : expected !== undefined && current?.updatedAt !== expected.updatedAt) return { outcome: 'moved', registration: current };
    const holder = this.holderOf(r.email);
    if (holder && holder.id !== r.id) return { outcome: 'taken', registration: holder };
    await this.store.saveRegistration(r);
    return { outcome: 'saved', registration: r };
  }

  async setRegistrationStatus(id: string, from: RegistrationStatus, to: RegistrationStatus, at: string, mark?: { invited: true }): Promise<Registration | undefined> {
    const current = this.store.registration(id);
    if (current?.status !== from) return undefined;
    const updated: Registration = { ...current, status: to, updatedAt: at, ...(mark?.invited ? { invited: true } : {}) };
    await this.store.saveRegistration(updated);
    return updated;
  }

  private versionOf(userId: string): number {
    if (!this.store.form(userId)) return NO_FORM;
    let version = this.versions.get(userId);
    if (version === undefined) this.versions.set(userId, (version = ++this.lastVersion));
    return version;
  }

  async form(userId: string): Promise<VersionedForm | undefined> {
    const progress = this.store.form(userId);
    return progress && { progress, version: this.versionOf(userId) };
  }

  async saveForm(userId: string, progress: FormProgress, expectedVersion: number): Promise<FormSaved> {
    const p = formProgressSchema.parse(progress);
    // Checked and taken before the first await: a second save with the same expected version finds it changed.
    if (this.versionOf(userId) !== expectedVersion) return { saved: false, current: await this.form(userId) };
    const version = ++this.lastVersion;
    this.versions.set(userId, version);
    await this.store.saveForm(userId, p);
    return { saved: true, version };
  }

  async dropForm(userId: string): Promise<void> {
    this.versions.delete(userId);
    await this.store.dropForm(userId);
  }

  async isInvited(email: string): Promise<boolean> {
    return this.store.isInvited(email);
  }

  addInvites(emails: string[], by: string): Promise<number> {
    return this.store.addInvites(emails, by);
  }

  async inviteCount(): Promise<number> {
    return this.store.inviteCount();
  }

  async subscriptions(): Promise<Subscription[]> {
    return this.store.subscriptions().sort((a, b) => a.id.localeCompare(b.id));
  }

  async subscription(id: string): Promise<Subscription | undefined> {
    return this.store.subscription(id);
  }

  async saveSubscription(subscription: Subscription): Promise<void> {
    await this.store.saveSubscription(subscriptionSchema.parse(subscription));
  }

  async dropSubscription(id: string): Promise<void> {
    await this.store.dropSubscription(id);
  }

  async claimPost(key: string): Promise<boolean> {
    if (key in this.posts.posts) return false;
    this.posts.posts[key] = { claimedAt: new Date().toISOString() };
    await this.postsFile.write(this.posts);
    return true;
  }

  /** One process holds DATA_DIR, so a shared setting needs no file: it lives as long as the process. */
  async setting(key: string): Promise<string | undefined> {
    return this.settings.get(settingKey.parse(key));
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.settings.set(settingKey.parse(key), settingValue.parse(value));
  }

  async releasePost(key: string): Promise<void> {
    const post = this.posts.posts[key];
    if (!post || post.postedAt) return;
    delete this.posts.posts[key];
    await this.postsFile.write(this.posts);
  }

  async markPosted(key: string): Promise<void> {
    const post = this.posts.posts[key];
    if (post?.postedAt) return;
    const now = new Date().toISOString();
    this.posts.posts[key] = { claimedAt: post?.claimedAt ?? now, postedAt: now };
    await this.postsFile.write(this.posts);
  }

  async firstSeen(kind: string, id: string, ttlSeconds: number): Promise<boolean> {
    const key = `${kind}\u0000${id}`;
    const now = Date.now();
    const expires = this.sightings.get(key);
    if (expires !== undefined && expires > now) return false;
    this.sightings.delete(key); // re-inserted last, so the oldest stay first in line to go
    this.sightings.set(key, now + ttlSeconds * 1000);
    for (const old of this.sightings.keys()) {
      if (this.sightings.size <= MAX_SIGHTINGS) break;
      this.sightings.delete(old);
    }
    return true;
  }

  async saveDownload(token: string, download: StoredDownload): Promise<void> {
    const d = storedDownloadSchema.parse(download);
    const now = new Date().toISOString();
    for (const [t, entry] of this.downloads) if (entry.expiresAt < now) this.downloads.delete(t);
    this.downloads.set(token, d);
  }

  async takeDownload(token: string, now = new Date().toISOString()): Promise<StoredDownload | undefined> {
    const entry = this.downloads.get(token);
    return entry && entry.expiresAt >= now ? entry : undefined;
  }

  async revokeDownloads(owner: string): Promise<number> {
    let revoked = 0;
    for (const [token, entry] of this.downloads) {
      if (entry.owner !== owner) continue;
      this.downloads.delete(token);
      revoked++;
    }
    return revoked;
  }

  async star(userId: string, sessionId: string, at: string): Promise<boolean> {
    const s = starSchema.parse({ userId, sessionId, at });
    return this.store.star(s.userId, s.sessionId, s.at);
  }

  async unstar(userId: string, sessionId: string): Promise<boolean> {
    if (!sessionIdSchema.safeParse(sessionId).success) return false; // never starred: it could not have been
    return this.store.unstar(userId, sessionId);
  }

  async starsOf(userId: string): Promise<Array<{ sessionId: string; at: string }>> {
    return this.store.starsOf(userId);
  }

  async starrersOf(sessionIds: readonly string[]): Promise<Starrer[]> {
    return this.store.starrersOf(sessionIds.filter((id) => sessionIdSchema.safeParse(id).success));
  }

  async starCounts(): Promise<Record<string, number>> {
    return this.store.starCounts();
  }

  async feedToken(userId: string): Promise<string> {
    return this.store.feedToken(userIdSchema.parse(userId));
  }

  async feedOwner(token: string): Promise<string | undefined> {
    return feedTokenSchema.safeParse(token).success ? this.store.feedOwner(token) : undefined;
  }

  async eraseUser(userId: string): Promise<void> {
    this.versions.delete(userId);
    await this.store.eraseUser(userId);
    await this.dropPosts((key) => personalPostPrefixes(userId).some((prefix) => key.startsWith(prefix)));
  }

  /** Claims whose key names a person go with their data (personal-posts.ts). */
  private async dropPosts(matches: (key: string) => boolean): Promise<void> {
    const keys = Object.keys(this.posts.posts).filter(matches);
    if (keys.length === 0) return;
    for (const key of keys) delete this.posts.posts[key];
    await this.postsFile.write(this.posts);
  }

  async dropFormsIdleSince(before: string): Promise<number> {
    return this.store.dropFormsIdleSince(before);
  }

  async personalDataCounts(): Promise<PersonalDataCounts> {
    return this.store.personalDataCounts();
  }

  async purgePersonalData(): Promise<PersonalDataCounts> {
    this.versions.clear();
    this.downloads.clear(); // an export holds registrations
    await this.dropPosts(isPersonalPost);
    return this.store.purgePersonalData();
  }

  async close(): Promise<void> {
    await this.postsFile.write(this.posts);
    await this.store.close();
  }
}
