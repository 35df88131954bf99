// The Store on lowdb, under DATA_DIR: one validated JSON file, written atomically, one process at a time.
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { log } from '../core/log.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import { mapLegacyRegions, type RegionOf } from './legacy-regions.js';
import { acquireLock, type Lock } from './lock.js';
import { admit } from './record-limits.js';
import { emptyStore, storeDataSchema, type FormProgress, type Registration, type StoreData, type StoredConversation, type Subscription, type UserPrefs } from './schema.js';
import type { PersonalDataCounts } from './retention-counts.js';
import type { Store } from './store.js';

export const STORE_FILE = 'ckex.json';

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

  private constructor(
    private readonly db: Low<StoreData>,
    readonly file: AtomicJsonFile<StoreData>,
    private readonly lock: Lock,
  ) {
    for (const r of Object.values(db.data.registrations)) this.byEmail.set(r.email, r.id);
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
    this.db.data.users[id] = admit('user', { ...current, ...patch, updatedAt: new Date().toISOString() });
    await this.db.write();
  }

  conversation(id: string): StoredConversation | undefined {
    return this.db.data.conversations[id];
  }

  conversations(): StoredConversation[] {
    return Object.values(this.db.data.conversations);
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

  async eraseUser(userId: string): Promise<void> {
    const data = this.db.data;
    delete data.users[userId];
    delete data.forms[userId];
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
    };
  }

  async purgePersonalData(): Promise<PersonalDataCounts> {
    const counts = this.personalDataCounts();
    const d = this.db.data;
    d.registrations = {};
    d.invites = {};
    d.forms = {};
    for (const c of Object.values(d.conversations)) if (c.scope === 'personal') delete d.conversations[c.id];
    this.byEmail.clear();
    await this.db.write();
    return counts;
  }

  async close(): Promise<void> {
    await this.db.write();
    this.lock.release();
  }
}
