// A session's questions as CSV for organisers: question, language, votes, status, time, author (none for anonymous
// ones). Cells neutralised as the registrations export does, so a question starting with = is never a formula.
import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../forms/export-csv.js';
import type { LiveQuestion } from '../store/live-records.js';

export const QUESTION_CSV_COLUMNS = ['id', 'question', 'language', 'votes', 'status', 'asked_at', 'author'] as const;

export function questionsCsv(questions: readonly LiveQuestion[]): string {
  const rows = questions.map((q) => [q.id, q.text, q.lang, String(q.votes), q.status, q.createdAt, q.anonymous ? '' : (q.authorId ?? '')].map(safeCell));
  return `\ufeff${stringify([[...QUESTION_CSV_COLUMNS], ...rows], { quoted_match: /[;,\t"\r\n]/ })}`;
}
