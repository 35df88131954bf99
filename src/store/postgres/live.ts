// Live sessions in PostgreSQL: questions, votes, moderators, live posts. One vote per person and question is the
// primary key of live_votes (a press on either instance adds or takes back exactly one); the open-question limit
// is counted under a per-author advisory lock. Ordered as the lowdb store orders them.
import type pg from 'pg';
import { liveQuestionSchema, livePostSchema, moderatorsSchema, newQuestionSchema, questionIdSchema, type LivePost, type LiveQuestion, type NewQuestion, type QuestionStatus, type VoteToggled } from '../../core/store/live-records.js';
import { sessionIdSchema, userIdSchema } from '../../core/store/records.js';
import { admit } from '../record-limits.js';
import { inTransaction, iso, type Queryable } from './db.js';

/** 'live' in ASCII: the first key of the per-author lock (the second, the author and session's hash). */
const LIVE_LOCK = 0x6c697665;

interface QuestionRow {
  id: string;
  session_id: string;
  author_id: string | null;
  anonymous: boolean;
  text: string;
  lang: string;
  status: string;
  created_at: Date;
  updated_at: Date;
  votes: number;
}

const SELECT = `SELECT q.id, q.session_id, q.author_id, q.anonymous, q.text, q.lang, q.status, q.created_at, q.updated_at,
  (SELECT count(*) FROM live_votes v WHERE v.question_id = q.id)::int AS votes FROM live_questions q`;

const fromRow = (r: QuestionRow): LiveQuestion =>
  liveQuestionSchema.parse({
    id: `q${r.id}`,
    sessionId: r.session_id,
    ...(r.author_id === null ? {} : { authorId: r.author_id }),
    anonymous: r.anonymous,
    text: r.text,
    lang: r.lang,
    status: r.status,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    votes: r.votes,
  });

/** The number behind q12, or undefined for anything else. */
const numberOf = (id: string): string | undefined => (questionIdSchema.safeParse(id).success ? id.slice(1) : undefined);

export async function addQuestion(pool: pg.Pool, question: NewQuestion, maxOpen: number): Promise<LiveQuestion | 'limit'> {
  const q = newQuestionSchema.parse(admit('question', question));
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2))', [LIVE_LOCK, `${q.authorId} ${q.sessionId}`]);
    const { rows: counted } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM live_questions WHERE session_id = $1 AND author_id = $2 AND status IN ('waiting', 'open')", [q.sessionId, q.authorId]);
    if (counted[0]!.n >= maxOpen) return 'limit';
    const { rows } = await client.query<QuestionRow>(
      `INSERT INTO live_questions (session_id, author_id, anonymous, text, lang, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       RETURNING id, session_id, author_id, anonymous, text, lang, status, created_at, updated_at, 0 AS votes`,
      [q.sessionId, q.authorId, q.anonymous, q.text, q.lang, q.status, q.createdAt],
    );
    return fromRow(rows[0]!);
  });
}

export async function question(db: Queryable, id: string): Promise<LiveQuestion | undefined> {
  const n = numberOf(id);
  if (!n) return undefined;
  const { rows } = await db.query<QuestionRow>(`${SELECT} WHERE q.id = $1`, [n]);
  return rows[0] && fromRow(rows[0]);
}

export async function questionsOf(db: Queryable, sessionId: string): Promise<LiveQuestion[]> {
  const { rows } = await db.query<QuestionRow>(`SELECT * FROM (${SELECT} WHERE q.session_id = $1) s ORDER BY votes DESC, created_at, id`, [sessionId]);
  return rows.map(fromRow);
}

export async function setQuestionStatus(db: Queryable, id: string, from: readonly QuestionStatus[], to: QuestionStatus, at: string): Promise<LiveQuestion | undefined> {
  const n = numberOf(id);
  if (!n) return undefined;
  const { rowCount } = await db.query('UPDATE live_questions SET status = $2, updated_at = $3 WHERE id = $1 AND status = ANY($4::text[])', [n, to, at, [...from]]);
  return rowCount === 1 ? question(db, id) : undefined;
}

export async function toggleVote(db: Queryable, questionId: string, userId: string, at: string): Promise<VoteToggled | undefined> {
  const n = numberOf(questionId);
  const user = userIdSchema.parse(userId);
  if (!n) return undefined;
  // One statement: taken back if there, else added; two presses racing leave one vote or none, never two.
  const { rows } = await db.query<{ found: boolean; removed: number }>(
    `WITH q AS (SELECT id FROM live_questions WHERE id = $1),
       del AS (DELETE FROM live_votes WHERE question_id = $1 AND user_id = $2 RETURNING 1),
       ins AS (INSERT INTO live_votes (question_id, user_id, voted_at) SELECT id, $2, $3 FROM q WHERE NOT EXISTS (SELECT 1 FROM del)
               ON CONFLICT (question_id, user_id) DO NOTHING RETURNING 1)
     SELECT EXISTS (SELECT 1 FROM q) AS found, (SELECT count(*) FROM del)::int AS removed`,
    [n, user, at],
  );
  if (!rows[0]!.found) return undefined;
  const { rows: counted } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM live_votes WHERE question_id = $1', [n]);
  return { voted: rows[0]!.removed === 0, votes: counted[0]!.n };
}

export async function questionsBy(db: Queryable, userId: string): Promise<LiveQuestion[]> {
  const { rows } = await db.query<QuestionRow>(`${SELECT} WHERE q.author_id = $1 ORDER BY q.created_at, q.id`, [userId]);
  return rows.map(fromRow);
}

export async function votesBy(db: Queryable, userId: string): Promise<Array<{ questionId: string; at: string }>> {
  const { rows } = await db.query<{ question_id: string; voted_at: Date }>('SELECT question_id, voted_at FROM live_votes WHERE user_id = $1 ORDER BY voted_at, question_id', [userId]);
  return rows.map((r) => ({ questionId: `q${r.question_id}`, at: iso(r.voted_at)! }));
}

export async function moderatorsOf(db: Queryable, sessionId: string): Promise<string[]> {
  const { rows } = await db.query<{ user_ids: string[] }>('SELECT user_ids FROM live_moderators WHERE session_id = $1', [sessionId]);
  return rows[0]?.user_ids ?? [];
}

export async function setModerators(db: Queryable, sessionId: string, ids: readonly string[]): Promise<void> {
  const session = sessionIdSchema.parse(sessionId);
  const list = moderatorsSchema.parse([...new Set(ids)]);
  if (list.length === 0) await db.query('DELETE FROM live_moderators WHERE session_id = $1', [session]);
  else await db.query('INSERT INTO live_moderators (session_id, user_ids) VALUES ($1, $2) ON CONFLICT (session_id) DO UPDATE SET user_ids = EXCLUDED.user_ids', [session, list]);
}

export async function saveLivePost(db: Queryable, post: LivePost): Promise<void> {
  const p = livePostSchema.parse(post);
  await db.query(
    `INSERT INTO live_posts (session_id, channel, lang, zone, ref, posted_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (session_id, channel) DO UPDATE SET lang = EXCLUDED.lang, zone = EXCLUDED.zone, ref = EXCLUDED.ref, posted_at = EXCLUDED.posted_at`,
    [p.sessionId, p.channel, p.lang, p.zone, JSON.stringify(p.ref), p.postedAt],
  );
}

export async function livePosts(db: Queryable, sessionId: string): Promise<LivePost[]> {
  const { rows } = await db.query<{ session_id: string; channel: string; lang: string; zone: string; ref: Record<string, string>; posted_at: Date }>(
    'SELECT session_id, channel, lang, zone, ref, posted_at FROM live_posts WHERE session_id = $1 ORDER BY channel COLLATE "C"',
    [sessionId],
  );
  return rows.map((r) => livePostSchema.parse({ sessionId: r.session_id, channel: r.channel, lang: r.lang, zone: r.zone, ref: r.ref, postedAt: iso(r.posted_at) }));
}
