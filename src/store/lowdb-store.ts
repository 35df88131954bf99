// The Store on lowdb, under DATA_DIR: one validated JSON file, written atomically, one process at a time.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonFile } from './atomic-json-file.js';
import { acquireLock, type Lock } from './lock.js';
import { emptyStore, storeDataSchema, type StoreData, type StoredConversation, type UserPrefs } from './schema.js';
import type { Store } from './store.js';

export const STORE_FILE = 'ckex.json';

export class LowdbStore implements Store {
  private constructor(
    private readonly db: Low<StoreData>,
    readonly file: AtomicJsonFile<StoreData>,
    private readonly lock: Lock,
  ) {}

  static async open(dataDir: string): Promise<LowdbStore> {
    mkdirSync(dataDir, { recursive: true });
    const lock = acquireLock(dataDir);
    try {
      const file = new AtomicJsonFile(join(dataDir, STORE_FILE), storeDataSchema);
      const db = new Low<StoreData>(file, emptyStore());
      await db.read();
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
    this.db.data.users[id] = { ...current, ...patch, updatedAt: new Date().toISOString() };
    await this.db.write();
  }

  conversation(id: string): StoredConversation | undefined {
    return this.db.data.conversations[id];
  }

  conversations(): StoredConversation[] {
    return Object.values(this.db.data.conversations);
  }

  async saveConversation(conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void> {
    this.db.data.conversations[conversation.id] = { ...conversation, updatedAt: new Date().toISOString() };
    await this.db.write();
  }

  async dropConversation(id: string): Promise<void> {
    if (!(id in this.db.data.conversations)) return;
    delete this.db.data.conversations[id];
    await this.db.write();
  }

  async close(): Promise<void> {
    await this.db.write();
    this.lock.release();
  }
}
