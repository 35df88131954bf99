// Live sessions' records as both stores keep them: questions to a session's panel, one vote per person and
// question, the per-session moderators, and where each channel's live post is (to update it in place).
import { z } from 'zod';
import { LANGS } from '../lang.js';
import { sessionIdSchema, userIdSchema } from './ids.js';

/** Waiting for a moderator (CKEX_QA_MODERATION=1), shown to all, answered by the panel, or hidden by a moderator. */
export const QUESTION_STATUSES = ['waiting', 'open', 'answered', 'hidden'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** A question's short id, as people type it: q12. */
export const QUESTION_ID = /^q[1-9]\d{0,8}$/;
export const questionIdSchema = z.string().regex(QUESTION_ID, 'expected a question id like q12');

/** The longest a question may be, in characters (code points). */
export const MAX_QUESTION_CHARS = 500;

export const newQuestionSchema = z
  .object({
    sessionId: sessionIdSchema,
    authorId: userIdSchema,
    anonymous: z.boolean(),
    text: z.string().min(1).refine((s) => [...s].length <= MAX_QUESTION_CHARS, `at most ${MAX_QUESTION_CHARS} characters`),
    lang: z.enum(LANGS),
    status: z.enum(['waiting', 'open']),
    createdAt: z.iso.datetime({ offset: true }).transform((at) => new Date(at).toISOString()),
  })
  .strict();
export type NewQuestion = z.input<typeof newQuestionSchema>;

/** A question as the stores give it back, with its votes counted. `authorId` is absent once an anonymous author is erased. */
export const liveQuestionSchema = z
  .object({
    id: questionIdSchema,
    sessionId: sessionIdSchema,
    authorId: userIdSchema.optional(),
    anonymous: z.boolean(),
    text: z.string(),
    lang: z.enum(LANGS),
    status: z.enum(QUESTION_STATUSES),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    votes: z.number().int().min(0),
  })
  .strict();
export type LiveQuestion = z.infer<typeof liveQuestionSchema>;

/** A vote pressed or pressed again: whether the person now supports it, and the question's votes now. */
export interface VoteToggled {
  voted: boolean;
  votes: number;
}

/** Where a channel's live post of a session is: the platform's message reference (Slack ts, Teams activity id). */
export const livePostSchema = z
  .object({
    sessionId: sessionIdSchema,
    /** "slack:C0123" or "teams:19:…". */
    channel: z.string().min(1).max(300),
    lang: z.enum(LANGS),
    zone: z.string().min(1).max(100),
    ref: z.record(z.string(), z.string().max(500)),
    postedAt: z.iso.datetime(),
  })
  .strict();
export type LivePost = z.infer<typeof livePostSchema>;

/** Platform user ids a session's moderators are listed under (as in CKEX_ADMINS): at most this many a session. */
export const MAX_MODERATORS = 50;
export const moderatorsSchema = z.array(z.string().min(1).max(200)).max(MAX_MODERATORS);

/** A question as the lowdb file keeps it (votes are kept apart, one key per person). */
export const storedQuestionSchema = liveQuestionSchema.omit({ votes: true });
export type StoredQuestion = z.infer<typeof storedQuestionSchema>;
