// The Store on lowdb, under DATA_DIR: one validated JSON file, written atomically, one process at a time.
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { log } from '../core/log.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import { TooManyStarsError } from '../core/store/errors.js';
import { newFeedToken } from '../core/store/feed-token.js';
import { mapLegacyRegions, type RegionOf } from './legacy-regions.js';
import { acquireLock, type Lock } from './lock.js';
import { admit, MAX_STARS_PER_USER } from './record-limits.js';
import { emptyStore, storeDataSchema, type FormProgress, type Registration, type StoreData, type StoredConversation, type Subscription, type UserPrefs } from '../core/store/records.js';
import type { PersonalDataCounts } from '../core/store/retention-counts.js';
import type { Store } from './store.js';

export const STORE_FILE = 'ckex.json';

/** Code-unit order, as PostgreSQL's "C" collation gives it for these ASCII ids: the same in both stores. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Temp files left by a write that was killed hold a whole copy of the store, erased data included: remove them
 * once this process holds the lock (no other writer can be using them).
 */
function removeStaleTempFiles(dataDir: string): void {
  const pattern = new RegExp(`^\\.${STORE_FILE.replace('.', '\\.')}\\.\\d+\\.\\d+\\.tmp$`);
  for (const name of readdirSync(dataDir)) {
    if (!pattern.test(name)) continue;
    unlinkSync(join(dataDir, name));
    log.info({ file: name }, 'removed a stale temp file of the store');
  }
}

export class LowdbStore implements Store {
  /** email → registration id, derived from the file on open and kept in step with every save. */
  private readonly byEmail = new Map<string, string>();
  /** calendar token → user id, derived from the file on open and kept in step with every change. */
  private readonly byToken = new Map<string, string>();
  /** user id → the write of a token just made, for calls that find it before it is on disk. */
  private readonly feedsWriting = new Map<string, Promise<void>>();

  private constructor(
    private readonly db: Low<StoreData>,
    readonly file: AtomicJsonFile<StoreData>,
    private readonly lock: Lock,
  ) {
    for (const r of Object.values(db.data.registrations)) this.byEmail.set(r.email, r.id);
    for (const [userId, token] of Object.entries(db.data.feeds)) this.byToken.set(token, userId);
  }

  /** regionOf: each country's region, to map registrations stored before the Africa split (legacy-regions.ts). */
  static async open(dataDir: string, regionOf?: RegionOf): Promise<LowdbStore> {
    mkdirSync(dataDir, { recursive: true });
    const lock = acquireLock(dataDir);
    try {
      removeStaleTempFiles(dataDir);
      const file = new AtomicJsonFile(join(dataDir, STORE_FILE), storeDataSchema);
      const db = new Low<StoreData>(file, emptyStore());
      await db.read();
      if (regionOf && mapLegacyRegions(db.data, regionOf) > 0) await db.write();
      return new LowdbStore(db, file, lock);
    } catch (err) {
      lock.release();
      throw err;
    }
  }

  user(id: string): UserPrefs | undefined {
    return this.db.data.users[id];
  }

  async updateUser(id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void> {
    const current = this.db.data.users[id];
    const merged = { ...current, ...patch, updatedAt: new Date().toISOString() };
    // A field given as undefined is removed, not kept as an undefined key: read back as the file (and PostgreSQL) has it.
    for (const key of Object.keys(merged) as (keyof typeof merged)[]) if (merged[key] === undefined) delete merged[key];
    this.db.data.users[id] = admit('user', merged);
    await this.db.write();
  }

  conversation(id: string): StoredConversation | undefined {
    return this.db.data.conversations[id];
  }

  conversationsOf(userId: string): StoredConversation[] {
    return Object.values(this.db.data.conversations)
      .filter((c) => c.userId === userId)
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  async saveConversation(conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void> {
    this.db.data.conversations[conversation.id] = admit('conversation', { ...conversation, updatedAt: new Date().toISOString() });
    await this.db.write();
  }

  async dropConversation(id: string): Promise<void> {
    if (!(id in this.db.data.conversations)) return;
    delete this.db.data.conversations[id];
    await this.db.write();
  }

  registration(id: string): Registration | undefined {
    return this.db.data.registrations[id.toUpperCase()];
  }

  registrationByEmail(email: string): Registration | undefined {
    const id = this.byEmail.get(email.toLowerCase());
    return id ? this.db.data.registrations[id] : undefined;
  }

  registrationsOf(userId: string): Registration[] {
    return this.registrations()
      .filter((r) => r.userIds.includes(userId))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  registrations(): Registration[] {
    return Object.values(this.db.data.registrations);
  }

  async saveRegistration(registration: Registration): Promise<void> {
    this.db.data.registrations[registration.id] = admit('registration', registration);
    this.byEmail.set(registration.email, registration.id);
    await this.db.write();
  }

  form(userId: string): FormProgress | undefined {
    return this.db.data.forms[userId];
  }

  async saveForm(userId: string, progress: FormProgress): Promise<void> {
    this.db.data.forms[userId] = admit('form', progress);
    await this.db.write();
  }

  async dropForm(userId: string): Promise<void> {
    if (!(userId in this.db.data.forms)) return;
    delete this.db.data.forms[userId];
    await this.db.write();
  }

  isInvited(email: string): boolean {
    return email.toLowerCase() in this.db.data.invites;
  }

  async addInvites(emails: string[], by: string): Promise<number> {
    let added = 0;
    const invitedAt = new Date().toISOString();
    for (const email of emails.map((e) => e.toLowerCase())) {
      if (email in this.db.data.invites) continue;
      this.db.data.invites[email] = { invitedAt, by };
      added++;
    }
    if (added > 0) await this.db.write();
    return added;
  }

  inviteCount(): number {
    return Object.keys(this.db.data.invites).length;
  }

  subscriptions(): Subscription[] {
    return Object.values(this.db.data.subscriptions);
  }

  subscription(id: string): Subscription | undefined {
    return this.db.data.subscriptions[id];
  }

  async saveSubscription(subscription: Subscription): Promise<void> {
    this.db.data.subscriptions[subscription.id] = admit('subscription', subscription);
    await this.db.write();
  }

  async dropSubscription(id: string): Promise<void> {
    if (!(id in this.db.data.subscriptions)) return;
    delete this.db.data.subscriptions[id];
    await this.db.write();
  }

  /** Checked and changed before the write awaits: the limit holds however many calls race. */
  async star(userId: string, sessionId: string, at: string): Promise<boolean> {
    admit('star', { userId, sessionId, at });
    const stars = this.db.data.stars;
    const mine = Object.hasOwn(stars, userId) ? stars[userId]! : undefined;
    if (mine && Object.hasOwn(mine, sessionId)) return false;
    if (mine && Object.keys(mine).length >= MAX_STARS_PER_USER) throw new TooManyStarsError(MAX_STARS_PER_USER);
    if (mine) mine[sessionId] = at;
    else stars[userId] = { [sessionId]: at };
    await this.db.write();
    return true;
  }

  async unstar(userId: string, sessionId: string): Promise<boolean> {
    const stars = this.db.data.stars;
    const mine = Object.hasOwn(stars, userId) ? stars[userId]! : undefined;
    if (!mine || !Object.hasOwn(mine, sessionId)) return false;
    delete mine[sessionId];
    if (Object.keys(mine).length === 0) delete stars[userId];
    await this.db.write();
    return true;
  }

  /** Oldest first; stars made at one instant in session id order. */
  starsOf(userId: string): { sessionId: string; at: string }[] {
    const stars = this.db.data.stars;
    const mine = Object.hasOwn(stars, userId) ? stars[userId]! : {};
    return Object.entries(mine)
      .map(([sessionId, at]) => ({ sessionId, at }))
      .sort((a, b) => byCodeUnits(a.at, b.at) || byCodeUnits(a.sessionId, b.sessionId));
  }

  /** Who starred any of these sessions, by session id then user id. */
  starrersOf(sessionIds: readonly string[]): { userId: string; sessionId: string; remindMinutes?: number }[] {
    const wanted = new Set(sessionIds);
    const found: { userId: string; sessionId: string; remindMinutes?: number }[] = [];
    if (wanted.size === 0) return found;
    for (const [userId, mine] of Object.entries(this.db.data.stars)) {
      const remindMinutes = this.db.data.users[userId]?.remindMinutes;
      for (const sessionId of Object.keys(mine)) if (wanted.has(sessionId)) found.push({ userId, sessionId, ...(remindMinutes === undefined ? {} : { remindMinutes }) });
    }
    return found.sort((a, b) => byCodeUnits(a.sessionId, b.sessionId) || byCodeUnits(a.userId, b.userId));
  }

  /** session id → how many users starred it, in session id order. */
  starCounts(): Record<string, number> {
    const counts = new Map<string, number>();
    for (const mine of Object.values(this.db.data.stars)) for (const sessionId of Object.keys(mine)) counts.set(sessionId, (counts.get(sessionId) ?? 0) + 1);
    return Object.fromEntries([...counts].sort(([a], [b]) => byCodeUnits(a, b)));
  }

  /** The user's calendar token, made (and durably written) the first time: decided before the write awaits. */
  async feedToken(userId: string): Promise<string> {
    const feeds = this.db.data.feeds;
    if (Object.hasOwn(feeds, userId)) {
      await this.feedsWriting.get(userId); // a call racing the one that made it answers once it is on disk
      return feeds[userId]!;
    }
    let token = newFeedToken();
    while (this.byToken.has(token)) token = newFeedToken();
    feeds[userId] = admit('feed', { userId, token }).token;
    this.byToken.set(token, userId);
    const written = this.db.write();
    this.feedsWriting.set(userId, written);
    try {
      await written;
    } finally {
      this.feedsWriting.delete(userId);
    }
    return token;
  }

  feedOwner(token: string): string | undefined {
    return this.byToken.get(token);
  }

  async eraseUser(userId: string): Promise<void> {
    const data = this.db.data;
    delete data.users[userId];
    delete data.forms[userId];
    if (Object.hasOwn(data.stars, userId)) delete data.stars[userId];
    if (Object.hasOwn(data.feeds, userId)) {
      this.byToken.delete(data.feeds[userId]!);
      delete data.feeds[userId];
    }
    for (const r of this.registrationsOf(userId)) {
      delete data.registrations[r.id];
      this.byEmail.delete(r.email);
    }
    for (const c of Object.values(data.conversations)) if (c.userId === userId) delete data.conversations[c.id];
    await this.db.write();
  }

  async dropFormsIdleSince(before: string): Promise<number> {
    const idle = Object.entries(this.db.data.forms).filter(([, f]) => f.updatedAt < before);
    for (const [userId] of idle) delete this.db.data.forms[userId];
    if (idle.length > 0) await this.db.write();
    return idle.length;
  }

  personalDataCounts(): PersonalDataCounts {
    const d = this.db.data;
    return {
      registrations: Object.keys(d.registrations).length,
      invites: Object.keys(d.invites).length,
      forms: Object.keys(d.forms).length,
      conversations: Object.values(d.conversations).filter((c) => c.scope === 'personal').length,
      stars: Object.values(d.stars).reduce((n, mine) => n + Object.keys(mine).length, 0),
      feeds: Object.keys(d.feeds).length,
    };
  }

  async purgePersonalData(): Promise<PersonalDataCounts> {
    const counts = this.personalDataCounts();
    const d = this.db.data;
    d.registrations = {};
    d.invites = {};
    d.forms = {};
    for (const c of Object.values(d.conversations)) if (c.scope === 'personal') delete d.conversations[c.id];
    d.stars = {};
    d.feeds = {};
    this.byEmail.clear();
    this.byToken.clear();
    await this.db.write();
    return counts;
  }

  async close(): Promise<void> {
    await this.db.write();
    this.lock.release();
  }
}
