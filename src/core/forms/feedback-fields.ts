// The feedback form, defined once like registration's (fields.ts) and validated by the same validateField: a rating
// 1–5 (required) and two optional comments. The chat, the Slack modal and the Teams card are all driven from here.
import type { FieldDef } from './fields.js';

export const FEEDBACK_FIELDS = [
  { id: 'rating', kind: 'rating', required: true },
  { id: 'useful', kind: 'text', required: false, max: 1000 },
  { id: 'better', kind: 'text', required: false, max: 1000 },
] as const satisfies readonly FieldDef<string>[];

export type FeedbackFieldId = (typeof FEEDBACK_FIELDS)[number]['id'];
export const FEEDBACK_FIELD_IDS = FEEDBACK_FIELDS.map((f) => f.id) as FeedbackFieldId[];

/** The ratings, lowest first: what the buttons and the list show. */
export const RATINGS = ['1', '2', '3', '4', '5'] as const;
