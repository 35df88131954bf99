// What the core may ask of storage. The core never sees files or lowdb.
import type { StoredConversation, UserPrefs } from './schema.js';

export interface Store {
  user(id: string): UserPrefs | undefined;
  /** Resolves once the change is durably on disk. */
  updateUser(id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void>;
  conversation(id: string): StoredConversation | undefined;
  conversations(): StoredConversation[];
  saveConversation(conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void>;
  dropConversation(id: string): Promise<void>;
  close(): Promise<void>;
}
