// Ids seen lately (Slack event ids, request signatures), decided by the database so a retry that lands on another
// instance is still recognised. A row past its expiry counts as unseen and is taken over by the next sighting.
import type { Queryable } from './db.js';

export async function firstSeen(db: Queryable, kind: string, id: string, ttlSeconds: number): Promise<boolean> {
  // Inserted, or an expired row renewed: a row comes back. A live row (another instance's, even one committed a
  // moment ago) fails the WHERE and nothing comes back.
  const { rowCount } = await db.query(
    `INSERT INTO seen (kind, id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
     ON CONFLICT (kind, id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE seen.expires_at <= now()
     RETURNING 1`,
    [kind, id, ttlSeconds],
  );
  return rowCount === 1;
}

export async function forgetExpired(db: Queryable): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM seen WHERE expires_at <= now()');
  return rowCount ?? 0;
}
