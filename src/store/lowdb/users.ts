// A chat user's preferences, and the conversations the bot may post in unasked, in the lowdb file.
import { admit } from '../record-limits.js';
import { conversationSchema, userPrefsSchema, type StoredConversation, type UserPrefs } from '../../core/store/records.js';
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

const userPatchSchema = userPrefsSchema.omit({ updatedAt: true }).partial();
const conversationIn = conversationSchema.omit({ updatedAt: true });

export const user = (db: StoreDb, id: string): UserPrefs | undefined => db.data.users[id];

export async function updateUser(db: StoreDb, id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void> {
  userPatchSchema.parse(patch);
  const merged = { ...db.data.users[id], ...patch, updatedAt: new Date().toISOString() };
  // A field given as undefined is removed, not kept as an undefined key: read back as the file (and PostgreSQL) has it.
  for (const key of Object.keys(merged) as (keyof typeof merged)[]) if (merged[key] === undefined) delete merged[key];
  const admitted = admit('user', merged);
  await db.change((u) => u.set(db.data.users, id, admitted));
}

export const conversation = (db: StoreDb, id: string): StoredConversation | undefined => db.data.conversations[id];

export function conversationsOf(db: StoreDb, userId: string): StoredConversation[] {
  return Object.values(db.data.conversations)
    .filter((c) => c.userId === userId)
    .sort((a, b) => a.id.localeCompare(b.id));
}

export async function saveConversation(db: StoreDb, conversation: Omit<StoredConversation, 'updatedAt'>): Promise<void> {
  conversationIn.parse(conversation);
  const c = admit('conversation', { ...conversation, updatedAt: new Date().toISOString() });
  await db.change((u) => u.set(db.data.conversations, c.id, c));
}

export async function dropConversation(db: StoreDb, id: string): Promise<void> {
  if (!(id in db.data.conversations)) return;
  await db.change((u) => u.remove(db.data.conversations, id));
}

/** In memory only, for an erasure that writes once: the user's preferences and their conversations. */
export function forgetUser(db: StoreDb, userId: string, u: Undo): void {
  u.remove(db.data.users, userId);
  for (const c of Object.values(db.data.conversations)) if (c.userId === userId) u.remove(db.data.conversations, c.id);
}

/** In memory only, for the purge: personal conversations go, channels stay. */
export function forgetPersonalConversations(db: StoreDb, u: Undo): void {
  for (const c of Object.values(db.data.conversations)) if (c.scope === 'personal') u.remove(db.data.conversations, c.id);
}
