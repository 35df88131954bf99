// Feedback on a session as both stores keep it: one answer per person and session (a second replaces the first),
// a rating 1–5 and two optional comments, each kept in the language it was written in. The author is kept only to
// allow one answer per person and erasure: no report, export or post shows it.
import { z } from 'zod';
import { LANGS } from '../lang.js';
import { sessionIdSchema, userIdSchema } from './ids.js';

/** The longest a comment may be, in characters (code points). */
export const MAX_COMMENT_CHARS = 1000;

export const feedbackCommentSchema = z
  .object({
    text: z.string().min(1).refine((s) => [...s].length <= MAX_COMMENT_CHARS, `at most ${MAX_COMMENT_CHARS} characters`),
    /** The language the comment is written in (as the understanding layer reads it), else the form's. */
    lang: z.enum(LANGS),
  })
  .strict();
export type FeedbackComment = z.infer<typeof feedbackCommentSchema>;

export const feedbackSchema = z
  .object({
    sessionId: sessionIdSchema,
    userId: userIdSchema,
    rating: z.number().int().min(1).max(5),
    /** "What was most useful?" */
    useful: feedbackCommentSchema.optional(),
    /** "What could be better?" */
    better: feedbackCommentSchema.optional(),
    /** The language the form was answered in. */
    lang: z.enum(LANGS),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .strict();
export type Feedback = z.infer<typeof feedbackSchema>;
