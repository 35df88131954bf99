// The instances sharing this database, by their heartbeats: each renews its own row for its time to live; a row past
// it counts for nothing and is removed by the next heartbeat.
import type { Queryable } from './db.js';

export async function liveInstances(db: Queryable, id: string, ttlSeconds: number): Promise<number> {
  // The statement's parts see the table as it was before it: this instance's own row is counted as the 1.
  const { rows } = await db.query<{ live: string }>(
    `WITH beat AS (
       INSERT INTO instances (id, alive_until) VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (id) DO UPDATE SET alive_until = EXCLUDED.alive_until RETURNING id
     ), gone AS (
       DELETE FROM instances WHERE alive_until <= now() AND id <> $1
     )
     SELECT 1 + count(*) AS live FROM instances WHERE id <> $1 AND alive_until > now()`,
    [id, ttlSeconds],
  );
  return Number(rows[0]?.live ?? 1);
}
