// Live sessions copied from a lowdb file (npm run migrate-store): each question under its own id (q12 stays q12,
// so the ids people were given and the votes keep pointing at it), its votes, the moderators and the live posts.
// Idempotent: copied again, nothing doubles. A question id the database already gives to another question (same id,
// another session or time) is left alone with its votes, and reported.
import type pg from 'pg';
import type { StoreData } from '../../core/store/records.js';
import { setModerators, saveLivePost } from './live.js';

export interface LiveCopyReport {
  questions: number;
  votes: number;
  moderators: number;
  livePosts: number;
  /** Question ids the database already gives to another question: left out, their votes too. */
  questionIdTaken: string[];
}

export async function copyLive(client: pg.PoolClient, data: StoreData): Promise<LiveCopyReport> {
  const report: LiveCopyReport = { questions: 0, votes: 0, moderators: 0, livePosts: 0, questionIdTaken: [] };
  for (const q of Object.values(data.questions)) {
    const { rowCount } = await client.query(
      `INSERT INTO live_questions (id, session_id, author_id, anonymous, text, lang, status, created_at, updated_at) OVERRIDING SYSTEM VALUE
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET author_id = EXCLUDED.author_id, text = EXCLUDED.text, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
       WHERE live_questions.session_id = EXCLUDED.session_id AND live_questions.created_at = EXCLUDED.created_at`,
      [q.id.slice(1), q.sessionId, q.authorId ?? null, q.anonymous, q.text, q.lang, q.status, q.createdAt, q.updatedAt],
    );
    if (rowCount === 0) {
      report.questionIdTaken.push(q.id);
      continue;
    }
    report.questions++;
    for (const [userId, at] of Object.entries(data.votes[q.id] ?? {})) {
      await client.query('INSERT INTO live_votes (question_id, user_id, voted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [q.id.slice(1), userId, at]);
      report.votes++;
    }
  }
  // The next question asked in the database gets an id after every copied one and after lowdb's last; the sequence
  // never goes back (an id the database gave and then erased is not given again).
  await client.query(
    `SELECT setval(m.seq, m.v) FROM (SELECT pg_get_serial_sequence('live_questions', 'id') AS seq, GREATEST(COALESCE(max(id), 0), $1::bigint) AS v FROM live_questions) m
     WHERE m.v > COALESCE(pg_sequence_last_value(m.seq::regclass), 0)`,
    [data.questionSeq],
  );
  for (const [sessionId, ids] of Object.entries(data.moderators)) {
    await setModerators(client, sessionId, ids);
    report.moderators++;
  }
  for (const post of Object.values(data.livePosts)) {
    await saveLivePost(client, post);
    report.livePosts++;
  }
  return report;
}
