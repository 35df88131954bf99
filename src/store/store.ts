// What the core may ask of storage. The core never sees files or lowdb.
import type { UserPrefs } from './schema.js';

export interface Store {
  user(id: string): UserPrefs | undefined;
  /** Resolves once the change is durably on disk. */
  updateUser(id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void>;
  close(): Promise<void>;
}
