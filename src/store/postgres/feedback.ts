// Feedback in PostgreSQL: one row per person and session (the primary key makes a second answer replace the first,
// on whichever instance it lands, keeping when it was first given), the people who turned prompts off, and a
// session's audience read from stars, questions and votes in one query. Ordered as the lowdb store orders them.
import { feedbackSchema, type Feedback } from '../../core/store/feedback-record.js';
import { sessionIdSchema, userIdSchema } from '../../core/store/records.js';
import { admit } from '../record-limits.js';
import { iso, type Queryable } from './db.js';

interface FeedbackRow {
  session_id: string;
  user_id: string;
  rating: number;
  useful: string | null;
  useful_lang: string | null;
  better: string | null;
  better_lang: string | null;
  lang: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'session_id, user_id, rating, useful, useful_lang, better, better_lang, lang, created_at, updated_at';
const ORDER = 'ORDER BY session_id COLLATE "C", created_at, user_id COLLATE "C"';

const fromRow = (r: FeedbackRow): Feedback =>
  feedbackSchema.parse({
    sessionId: r.session_id,
    userId: r.user_id,
    rating: r.rating,
    ...(r.useful !== null ? { useful: { text: r.useful, lang: r.useful_lang } } : {}),
    ...(r.better !== null ? { better: { text: r.better, lang: r.better_lang } } : {}),
    lang: r.lang,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  });

export async function saveFeedback(db: Queryable, feedback: Feedback): Promise<void> {
  const f = feedbackSchema.parse(admit('feedback', feedback));
  await db.query(
    `INSERT INTO feedback (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (session_id, user_id) DO UPDATE SET rating = EXCLUDED.rating, useful = EXCLUDED.useful, useful_lang = EXCLUDED.useful_lang,
       better = EXCLUDED.better, better_lang = EXCLUDED.better_lang, lang = EXCLUDED.lang, updated_at = EXCLUDED.updated_at`,
    [f.sessionId, f.userId, f.rating, f.useful?.text ?? null, f.useful?.lang ?? null, f.better?.text ?? null, f.better?.lang ?? null, f.lang, f.createdAt, f.updatedAt],
  );
}

export async function feedbackFrom(db: Queryable, userId: string, sessionId: string): Promise<Feedback | undefined> {
  const { rows } = await db.query<FeedbackRow>(`SELECT ${COLUMNS} FROM feedback WHERE user_id = $1 AND session_id = $2`, [userId, sessionId]);
  return rows[0] && fromRow(rows[0]);
}

export async function feedbackOn(db: Queryable, sessionIds: readonly string[]): Promise<Feedback[]> {
  const ids = sessionIds.filter((id) => sessionIdSchema.safeParse(id).success);
  if (ids.length === 0) return [];
  const { rows } = await db.query<FeedbackRow>(`SELECT ${COLUMNS} FROM feedback WHERE session_id = ANY($1::text[]) ${ORDER}`, [ids]);
  return rows.map(fromRow);
}

export async function allFeedback(db: Queryable): Promise<Feedback[]> {
  const { rows } = await db.query<FeedbackRow>(`SELECT ${COLUMNS} FROM feedback ${ORDER}`);
  return rows.map(fromRow);
}

export async function feedbackBy(db: Queryable, userId: string): Promise<Feedback[]> {
  const { rows } = await db.query<FeedbackRow>(`SELECT ${COLUMNS} FROM feedback WHERE user_id = $1 ORDER BY created_at, session_id COLLATE "C"`, [userId]);
  return rows.map(fromRow);
}

export async function sessionAudience(db: Queryable, sessionId: string): Promise<string[]> {
  const { rows } = await db.query<{ user_id: string }>(
    `SELECT user_id FROM (SELECT user_id FROM stars WHERE session_id = $1
       UNION SELECT author_id FROM live_questions WHERE session_id = $1 AND author_id IS NOT NULL
       UNION SELECT v.user_id FROM live_votes v JOIN live_questions q ON q.id = v.question_id WHERE q.session_id = $1) people
     ORDER BY user_id COLLATE "C"`,
    [sessionId],
  );
  return rows.map((r) => r.user_id);
}

export async function setFeedbackPrompts(db: Queryable, userId: string, on: boolean, at: string): Promise<void> {
  const user = userIdSchema.parse(userId);
  if (on) await db.query('DELETE FROM feedback_off WHERE user_id = $1', [user]);
  else await db.query('INSERT INTO feedback_off (user_id, at) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING', [user, at]);
}

export async function feedbackPromptsOff(db: Queryable, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const { rows } = await db.query<{ user_id: string }>('SELECT user_id FROM feedback_off WHERE user_id = ANY($1::text[])', [[...userIds]]);
  return new Set(rows.map((r) => r.user_id));
}
