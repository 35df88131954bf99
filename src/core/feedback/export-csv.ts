// Every feedback as CSV for organisers: session, rating, the two comments and their languages, when. No author:
// the store keeps one only for one answer per person and erasure. Cells neutralised as the registrations export
// does, so a comment starting with = is never a formula.
import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../forms/export-csv.js';
import type { Feedback } from '../store/feedback-record.js';

export const FEEDBACK_CSV_COLUMNS = ['session', 'session_title', 'rating', 'most_useful', 'most_useful_language', 'could_be_better', 'could_be_better_language', 'form_language', 'given_at', 'changed_at'] as const;

export function feedbackCsv(answers: readonly Feedback[], titleOf: (sessionId: string) => string): string {
  const rows = answers.map((f) => [f.sessionId, titleOf(f.sessionId), String(f.rating), f.useful?.text ?? '', f.useful?.lang ?? '', f.better?.text ?? '', f.better?.lang ?? '', f.lang, f.createdAt, f.updatedAt].map(safeCell));
  return `\ufeff${stringify([[...FEEDBACK_CSV_COLUMNS], ...rows], { quoted_match: /[;,\t"\r\n]/ })}`;
}
