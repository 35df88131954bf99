// A user's starred sessions. Starring twice is the primary key's business; the most one user may keep is counted
// under a per-user advisory lock (no constraint can count rows), so two instances starring at once never take a
// user past MAX_STARS_PER_USER. Ordered by "C" collation: the same order as the lowdb store, whatever the database's.
import type pg from 'pg';
import { z } from 'zod';
import { TooManyStarsError } from '../../core/store/errors.js';
import { admit, MAX_STARS_PER_USER } from '../record-limits.js';
import { sessionIdSchema, starSchema, userIdSchema } from '../../core/store/records.js';
import { inTransaction, iso, type Queryable } from './db.js';
import type { Starrer } from '../../core/store/async-store.js';

/** 'star' in ASCII: the first key of the per-user lock (the second is the user id's hash), apart from migrations'. */
const STAR_LOCK = 0x73746172;

const starOut = z.object({ sessionId: sessionIdSchema, at: z.iso.datetime() }).strict();
const starrerOut = z.object({ userId: userIdSchema, sessionId: sessionIdSchema, remindMinutes: z.number().int().min(0).max(1440).optional() }).strict();
const isSessionId = (id: string) => sessionIdSchema.safeParse(id).success;

/** True if newly starred, false if it already was; throws TooManyStarsError at the limit. One transaction. */
export async function star(pool: pg.Pool, userId: string, sessionId: string, at: string): Promise<boolean> {
  const s = starSchema.parse(admit('star', { userId, sessionId, at }));
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [STAR_LOCK, s.userId]);
    // Counted after the lock is ours: every star an earlier holder added is committed and seen.
    const { rows } = await client.query<{ had: boolean; added: number }>(
      `WITH mine AS (SELECT count(*) AS n, coalesce(bool_or(session_id = $2), false) AS had FROM stars WHERE user_id = $1),
         added AS (INSERT INTO stars (user_id, session_id, starred_at) SELECT $1::text, $2::text, $3::timestamptz FROM mine WHERE NOT had AND n < $4::int
                   ON CONFLICT (user_id, session_id) DO NOTHING RETURNING 1)
       SELECT had, (SELECT count(*) FROM added)::int AS added FROM mine`,
      [s.userId, s.sessionId, s.at, MAX_STARS_PER_USER],
    );
    const { had, added } = rows[0]!;
    if (had) return false;
    if (added === 1) return true;
    throw new TooManyStarsError(MAX_STARS_PER_USER);
  });
}

export async function unstar(db: Queryable, userId: string, sessionId: string): Promise<boolean> {
  if (!isSessionId(sessionId)) return false;
  const { rowCount } = await db.query('DELETE FROM stars WHERE user_id = $1 AND session_id = $2', [userId, sessionId]);
  return rowCount === 1;
}

export async function starsOf(db: Queryable, userId: string): Promise<Array<{ sessionId: string; at: string }>> {
  const { rows } = await db.query<{ session_id: string; starred_at: Date }>('SELECT session_id, starred_at FROM stars WHERE user_id = $1 ORDER BY starred_at, session_id COLLATE "C"', [userId]);
  return rows.map((r) => starOut.parse({ sessionId: r.session_id, at: iso(r.starred_at) }));
}

export async function starrersOf(db: Queryable, sessionIds: readonly string[]): Promise<Starrer[]> {
  const ids = [...new Set(sessionIds.filter(isSessionId))];
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ user_id: string; session_id: string; remind_minutes: number | null }>(
    'SELECT s.user_id, s.session_id, u.remind_minutes FROM stars s LEFT JOIN users u ON u.id = s.user_id WHERE s.session_id = ANY($1::text[]) ORDER BY s.session_id COLLATE "C", s.user_id COLLATE "C"',
    [ids],
  );
  return rows.map((r) => starrerOut.parse({ userId: r.user_id, sessionId: r.session_id, ...(r.remind_minutes === null ? {} : { remindMinutes: r.remind_minutes }) }));
}

export async function starCounts(db: Queryable): Promise<Record<string, number>> {
  const { rows } = await db.query<{ session_id: string; n: number }>('SELECT session_id, count(*)::int AS n FROM stars GROUP BY session_id ORDER BY session_id COLLATE "C"');
  return Object.fromEntries(rows.map((r) => [sessionIdSchema.parse(r.session_id), r.n]));
}

/** Writes a star as it is, its instant kept, past no limit check: for copying a store, not for the bot. */
export async function putStar(db: Queryable, userId: string, sessionId: string, at: string): Promise<void> {
  const s = starSchema.parse(admit('star', { userId, sessionId, at }));
  await db.query(
    'INSERT INTO stars (user_id, session_id, starred_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, session_id) DO UPDATE SET starred_at = EXCLUDED.starred_at',
    [s.userId, s.sessionId, s.at],
  );
}
