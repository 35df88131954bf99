// Invited emails, lower-cased: adding is idempotent, and an email given twice counts once.
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

export const isInvited = (db: StoreDb, email: string): boolean => email.toLowerCase() in db.data.invites;

export async function addInvites(db: StoreDb, emails: string[], by: string): Promise<number> {
  const invitedAt = new Date().toISOString();
  const fresh = [...new Set(emails.map((e) => e.toLowerCase()))].filter((email) => !(email in db.data.invites));
  if (fresh.length > 0) await db.change((u) => fresh.forEach((email) => u.set(db.data.invites, email, { invitedAt, by })));
  return fresh.length;
}

export const inviteCount = (db: StoreDb): number => Object.keys(db.data.invites).length;

/** In memory only, for the purge. */
export function forgetInvites(db: StoreDb, u: Undo): void {
  u.swap(db.data, 'invites', {});
}
