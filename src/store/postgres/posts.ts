// Scheduled posts exactly once across instances: the instance whose INSERT creates the key sends the post; the
// others see the row and skip it. A crash after the claim and before the post loses that one post, never doubles it.
import type { Queryable } from './db.js';

export async function claimPost(db: Queryable, key: string): Promise<boolean> {
  const { rowCount } = await db.query('INSERT INTO posts (key) VALUES ($1) ON CONFLICT (key) DO NOTHING', [key]);
  return rowCount === 1;
}

export async function releasePost(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM posts WHERE key = $1 AND posted_at IS NULL', [key]);
}

export async function markPosted(db: Queryable, key: string): Promise<void> {
  await db.query('INSERT INTO posts (key, posted_at) VALUES ($1, now()) ON CONFLICT (key) DO UPDATE SET posted_at = coalesce(posts.posted_at, now())', [key]);
}
