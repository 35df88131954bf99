// Private calendar tokens, one per user. Made by INSERT … ON CONFLICT DO NOTHING and then read back, so two
// instances asked at once both answer with the one row that won; never made inside a statement that could not see
// the winner (a data-modifying WITH reads the snapshot from before a concurrent insert committed).
import { admit } from '../record-limits.js';
import { feedTokenSchema, newFeedToken } from '../../core/store/feed-token.js';
import { userIdSchema } from '../../core/store/records.js';
import type { Queryable } from './db.js';

async function tokenOf(db: Queryable, userId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ token: string }>('SELECT token FROM feeds WHERE user_id = $1', [userId]);
  return rows[0] && feedTokenSchema.parse(rows[0].token);
}

export async function feedToken(db: Queryable, userId: string): Promise<string> {
  const id = userIdSchema.parse(userId);
  for (let attempt = 0; ; attempt++) {
    const found = await tokenOf(db, id);
    if (found) return found;
    // Nothing inserted when another instance made this user's token first (or, once in 2^192, took this token).
    const token = admit('feed', { userId: id, token: newFeedToken() }).token;
    const { rows } = await db.query<{ token: string }>('INSERT INTO feeds (user_id, token) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING token', [id, token]);
    if (rows[0]) return feedTokenSchema.parse(rows[0].token);
    if (attempt >= 2) throw new Error('PostgreSQL store: could not make a calendar token'); // erased each time in between
  }
}

export async function feedOwner(db: Queryable, token: string): Promise<string | undefined> {
  if (!feedTokenSchema.safeParse(token).success) return undefined;
  const { rows } = await db.query<{ user_id: string }>('SELECT user_id FROM feeds WHERE token = $1', [token]);
  return rows[0] && userIdSchema.parse(rows[0].user_id);
}

/** Writes a user's token as it is (the address they already use keeps working): for copying a store. */
export async function putFeed(db: Queryable, userId: string, token: string): Promise<void> {
  const id = userIdSchema.parse(userId);
  const t = feedTokenSchema.parse(admit('feed', { userId: id, token }).token);
  await db.query('INSERT INTO feeds (user_id, token) VALUES ($1, $2) ON CONFLICT (user_id) DO UPDATE SET token = EXCLUDED.token', [id, t]);
}
