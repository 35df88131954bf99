// What organisers learn from a session's feedback: how many answered, the average, how many gave each rating.
// Counted from the answers alone: no author is part of it.
import type { Feedback } from '../store/feedback-record.js';

export interface FeedbackSummary {
  responses: number;
  /** The mean rating, undefined when nobody answered. */
  average?: number;
  /** How many gave 1, 2, 3, 4, 5 (index 0 is 1). */
  distribution: [number, number, number, number, number];
}

export function summarise(answers: readonly Feedback[]): FeedbackSummary {
  const distribution: FeedbackSummary['distribution'] = [0, 0, 0, 0, 0];
  for (const f of answers) distribution[f.rating - 1]!++;
  const total = answers.reduce((n, f) => n + f.rating, 0);
  return { responses: answers.length, distribution, ...(answers.length > 0 ? { average: total / answers.length } : {}) };
}
