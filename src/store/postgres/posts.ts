// Scheduled posts exactly once across instances: the instance whose INSERT creates the key sends the post; the
// others see the row and skip it. A crash after the claim and before the post loses that one post, never doubles it.
import type { Queryable } from './db.js';

export async function claimPost(db: Queryable, key: string): Promise<boolean> {
  const { rowCount } = await db.query('INSERT INTO posts (key) VALUES ($1) ON CONFLICT (key) DO NOTHING', [key]);
  return rowCount === 1;
}

export async function claimPosts(db: Queryable, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  // In one order for every caller: two batches taking the same keys in opposite orders would deadlock.
  const sorted = [...new Set(keys)].sort();
  const { rows } = await db.query<{ key: string }>('INSERT INTO posts (key) SELECT k FROM unnest($1::text[]) AS k ORDER BY k COLLATE "C" ON CONFLICT (key) DO NOTHING RETURNING key', [sorted]);
  return rows.map((r) => r.key);
}

export async function releasePost(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM posts WHERE key = $1 AND posted_at IS NULL', [key]);
}

export async function markPosted(db: Queryable, key: string): Promise<void> {
  await db.query('INSERT INTO posts (key, posted_at) VALUES ($1, now()) ON CONFLICT (key) DO UPDATE SET posted_at = coalesce(posts.posted_at, now())', [key]);
}

export async function isPosted(db: Queryable, key: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM posts WHERE key = $1 AND posted_at IS NOT NULL', [key]);
  return (rowCount ?? 0) > 0;
}
