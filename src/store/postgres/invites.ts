// Invited emails, lower-cased: adding is idempotent, and two organisers adding one email count it once.
import type { Region } from '../../core/choices.js';
import type { Queryable } from './db.js';

export async function isInvited(db: Queryable, email: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM invites WHERE email = lower($1)', [email]);
  return (rowCount ?? 0) > 0;
}

export async function addInvites(db: Queryable, emails: string[], by: string): Promise<number> {
  const unique = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (unique.length === 0) return 0;
  const { rowCount } = await db.query('INSERT INTO invites (email, invited_at, invited_by) SELECT unnest($1::text[]), $2, $3 ON CONFLICT (email) DO NOTHING', [unique, new Date().toISOString(), by]);
  return rowCount ?? 0;
}

export async function inviteCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM invites');
  return rows[0]!.n;
}

/** Adds one invitation with its own date and author, unless the email is already invited: for copying a store. */
export async function putInvite(db: Queryable, email: string, invite: { invitedAt: string; by: string }): Promise<boolean> {
  const { rowCount } = await db.query('INSERT INTO invites (email, invited_at, invited_by) VALUES (lower($1), $2, $3) ON CONFLICT (email) DO NOTHING', [email, invite.invitedAt, invite.by]);
  return rowCount === 1;
}

/** Invited emails no registration holds, with the region of the accepted nomination that invited them, if any. */
export async function invitedUnregistered(db: Queryable): Promise<Array<{ email: string; region?: Region }>> {
  const { rows } = await db.query<{ email: string; region: Region | null }>(
    `SELECT i.email, n.region FROM invites i LEFT JOIN nominations n ON n.email = i.email AND n.status = 'accepted'
     WHERE NOT EXISTS (SELECT 1 FROM registrations r WHERE lower(r.email) = i.email) ORDER BY i.email`,
  );
  return rows.map((r) => (r.region ? { email: r.email, region: r.region } : { email: r.email }));
}
