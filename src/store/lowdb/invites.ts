// Invited emails, lower-cased: adding is idempotent, and an email given twice counts once.
import type { StoreDb } from './file.js';

export const isInvited = (db: StoreDb, email: string): boolean => email.toLowerCase() in db.data.invites;

export async function addInvites(db: StoreDb, emails: string[], by: string): Promise<number> {
  let added = 0;
  const invitedAt = new Date().toISOString();
  for (const email of emails.map((e) => e.toLowerCase())) {
    if (email in db.data.invites) continue;
    db.data.invites[email] = { invitedAt, by };
    added++;
  }
  if (added > 0) await db.write();
  return added;
}

export const inviteCount = (db: StoreDb): number => Object.keys(db.data.invites).length;

/** In memory only, for the purge. */
export function forgetInvites(db: StoreDb): void {
  db.data.invites = {};
}
