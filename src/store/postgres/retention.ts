// Erasure of one user, and the retention purge, each in one transaction or one statement: a crash erases all or
// nothing, and the purge counts exactly what it deleted. Which post keys name a person is the PersonalPosts the
// store was opened with; its prefixes are parameters, matched by `^@` (starts_with as an operator, so ANY takes
// it), never patterns: a `_` or `%` in a user id matches only itself.
import type pg from 'pg';
import type { PersonalPosts } from '../../core/store/personal-posts.js';
import type { PersonalDataCounts } from '../../core/store/retention-counts.js';
import { inTransaction, type Queryable } from './db.js';

export async function eraseUser(pool: pg.Pool, personalPosts: PersonalPosts, userId: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    // Before the registrations go: their emails name the nominations of this person.
    await client.query('DELETE FROM nominations WHERE focal_point = $1 OR email IN (SELECT lower(email) FROM registrations WHERE user_ids @> ARRAY[$1]::text[])', [userId]);
    await client.query('DELETE FROM announcements WHERE created_by = $1', [userId]);
    await client.query('DELETE FROM users WHERE id = $1', [userId]);
    await client.query('DELETE FROM forms WHERE user_id = $1', [userId]);
    await client.query('DELETE FROM registrations WHERE user_ids @> ARRAY[$1]::text[]', [userId]);
    await client.query('DELETE FROM conversations WHERE user_id = $1', [userId]);
    await client.query('DELETE FROM stars WHERE user_id = $1', [userId]);
    await client.query('DELETE FROM feeds WHERE user_id = $1', [userId]); // the calendar address answers 404 from now on
    await client.query('DELETE FROM live_votes WHERE user_id = $1', [userId]);
    // An anonymous question stays, from "a participant"; a signed one goes, with its votes.
    await client.query('UPDATE live_questions SET author_id = NULL WHERE author_id = $1 AND anonymous', [userId]);
    await client.query('DELETE FROM live_questions WHERE author_id = $1', [userId]);
    await client.query('DELETE FROM feedback WHERE user_id = $1', [userId]);
    await client.query('DELETE FROM feedback_off WHERE user_id = $1', [userId]);
    await client.query('DELETE FROM posts WHERE key ^@ ANY($1::text[])', [personalPosts.prefixesOf(userId)]);
  });
}

export async function personalDataCounts(db: Queryable): Promise<PersonalDataCounts> {
  const { rows } = await db.query<PersonalDataCounts>(
    `SELECT (SELECT count(*) FROM registrations)::int AS registrations, (SELECT count(*) FROM invites)::int AS invites,
       (SELECT count(*) FROM forms)::int AS forms, (SELECT count(*) FROM conversations WHERE scope = 'personal')::int AS conversations,
       (SELECT count(*) FROM stars)::int AS stars, (SELECT count(*) FROM feeds)::int AS feeds,
       (SELECT count(*) FROM nominations)::int AS nominations,
       (SELECT count(*) FROM live_questions)::int AS questions, (SELECT count(*) FROM live_votes)::int AS votes,
       (SELECT count(*) FROM feedback)::int AS feedback, (SELECT count(*) FROM announcements)::int AS announcements`,
  );
  return rows[0]!;
}

/** Downloads go too (an export holds registrations), uncounted: a data-modifying WITH runs whether read or not. */
export async function purgePersonalData(db: Queryable, personalPosts: PersonalPosts): Promise<PersonalDataCounts> {
  const { rows } = await db.query<PersonalDataCounts>(
    `WITH r AS (DELETE FROM registrations RETURNING 1), i AS (DELETE FROM invites RETURNING 1), f AS (DELETE FROM forms RETURNING 1),
       c AS (DELETE FROM conversations WHERE scope = 'personal' RETURNING 1), d AS (DELETE FROM downloads RETURNING 1),
       s AS (DELETE FROM stars RETURNING 1), t AS (DELETE FROM feeds RETURNING 1),
       p AS (DELETE FROM posts WHERE key ^@ ANY($1::text[]) RETURNING 1), n AS (DELETE FROM nominations RETURNING 1),
       v AS (DELETE FROM live_votes RETURNING 1), q AS (DELETE FROM live_questions RETURNING 1), b AS (DELETE FROM feedback RETURNING 1),
       a AS (DELETE FROM announcements RETURNING 1)
     SELECT (SELECT count(*) FROM r)::int AS registrations, (SELECT count(*) FROM i)::int AS invites,
       (SELECT count(*) FROM f)::int AS forms, (SELECT count(*) FROM c)::int AS conversations,
       (SELECT count(*) FROM s)::int AS stars, (SELECT count(*) FROM t)::int AS feeds,
       (SELECT count(*) FROM n)::int AS nominations,
       (SELECT count(*) FROM q)::int AS questions, (SELECT count(*) FROM v)::int AS votes,
       (SELECT count(*) FROM b)::int AS feedback, (SELECT count(*) FROM a)::int AS announcements`,
    [personalPosts.prefixes],
  );
  return rows[0]!;
}
