// The store file's shape: validated on every load, versioned so later releases can migrate it.
import { z } from 'zod';
import { LANGS } from '../lang.js';
import { AFRICA_BEFORE_SPLIT, INSTITUTIONS, INTERPRETATION, REGIONS, ROLES } from '../choices.js';
import { feedTokenSchema } from './feed-token.js';
import { nominationSchema } from './nomination.js';
import { feedbackSchema } from './feedback-record.js';
import { announcementSchema } from './announcement.js';

export const STORE_VERSION = 1;

/** The longest a reminder may come before its session: a day. */
export const MAX_REMIND_MINUTES = 1440;

import { sessionIdSchema, userIdSchema } from './ids.js';
import { livePostSchema, moderatorsSchema, storedQuestionSchema } from './live-records.js';

export { SESSION_ID, sessionIdSchema, userIdSchema } from './ids.js';

/** An instant as the stores give it back: UTC, milliseconds (toISOString's form). */
const instantSchema = z.iso.datetime();

/** A star on its way in: any ISO instant with an offset, kept as toISOString gives it, so both stores agree. */
export const starSchema = z
  .object({
    userId: userIdSchema,
    sessionId: sessionIdSchema,
    at: z.iso.datetime({ offset: true }).transform((at) => new Date(at).toISOString()),
  })
  .strict();

export const userPrefsSchema = z
  .object({
    lang: z.enum(LANGS).optional(),
    tz: z.string().optional(),
    /** The language the user last clearly wrote in: answers use it before the platform's locale. */
    lastLang: z.enum(LANGS).optional(),
    /** The bot's last yes/no question to this user: what a yes runs, what a no runs, when it was asked. */
    pending: z.object({ yes: z.string().max(200), no: z.string().max(200).optional(), at: z.string() }).strict().optional(),
    /**
     * What the bot last showed this user, in which conversation and when: the referent of "it", "the second one",
     * "the next day" for ten minutes, in that conversation only.
     */
    shown: z
      .object({
        conversation: z.string().max(300),
        at: z.string(),
        sessions: z.array(z.string().max(40)).max(20),
        day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
        week: z.number().int().min(1).max(60).optional(),
      })
      .strict()
      .optional(),
    /** Minutes before a starred session to remind the user; 0: no reminders; absent: the core's default. */
    remindMinutes: z.number().int().min(0).max(MAX_REMIND_MINUTES).optional(),
    updatedAt: z.string(),
  })
  .strict();
export type UserPrefs = z.infer<typeof userPrefsSchema>;

/** Where the bot can post later without being asked (Teams conversation references). */
export const conversationSchema = z
  .object({
    id: z.string().min(1),
    platform: z.enum(['teams', 'slack']),
    scope: z.enum(['personal', 'channel', 'groupChat']),
    /** The user of a personal conversation. */
    userId: z.string().optional(),
    reference: z.record(z.string(), z.unknown()),
    updatedAt: z.string(),
  })
  .strict();
export type StoredConversation = z.infer<typeof conversationSchema>;

export const REGISTRATION_STATUSES = ['confirmed', 'pending', 'declined', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const registrationSchema = z
  .object({
    id: z.string().regex(/^R[0-9A-Z]{5}$/),
    email: z.string().min(3),
    name: z.string().min(1),
    organisation: z.string().min(1),
    country: z.string().regex(/^[A-Z]{2}$/),
    role: z.enum(ROLES),
    institution: z.enum(INSTITUTIONS),
    /** One of FY2021's regions; AFR (Africa before its split on 1 July 2020) only where the country could not tell AFE from AFW. */
    region: z.enum([...REGIONS, AFRICA_BEFORE_SPLIT]),
    nominatedBy: z.string().optional(),
    interpretation: z.enum(INTERPRETATION),
    consentAt: z.string(),
    lang: z.enum(LANGS),
    status: z.enum(REGISTRATION_STATUSES),
    invited: z.boolean(),
    /** The platform vouched that the registering user owns this email (Slack profile email, Teams roster). */
    emailVerified: z.boolean().optional(),
    /** The chat users who registered or updated it, to tell them when its status changes. */
    userIds: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type Registration = z.infer<typeof registrationSchema>;

/** A conversational form under way: kept so it can be resumed after a restart or days later. */
/** The conversational forms: registration (anyone), feedback on a session (`subject`), announce (organisers). */
export const FORM_KINDS = ['registration', 'feedback', 'announce'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const formProgressSchema = z
  .object({
    /** Which form this is; absent: registration (as in older files). */
    kind: z.enum(FORM_KINDS).optional(),
    answers: z.record(z.string(), z.string()),
    step: z.number().int().min(0),
    review: z.boolean(),
    editing: z.boolean().default(false),
    pendingChoices: z.array(z.string()).optional(),
    /** A region other than the country's, chosen at the region question and waiting for a yes. */
    regionToConfirm: z.enum(REGIONS).optional(),
    subject: z.string().max(80).optional(),
    lang: z.enum(LANGS),
    startedAt: z.string(),
    updatedAt: z.string(),
  })
  .strict();
export type FormProgress = z.infer<typeof formProgressSchema>;

/** A channel that receives the daily digest in one language, at a local time. */
export const subscriptionSchema = z
  .object({
    id: z.string().min(1),
    platform: z.enum(['slack', 'teams']),
    channel: z.string().min(1),
    lang: z.enum(LANGS),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    zone: z.string().min(1),
    createdBy: z.string(),
    createdAt: z.string(),
    /** The last local date whose digest was posted: stored before the next post starts. */
    lastPosted: z.string().optional(),
    paused: z.object({ at: z.string(), reason: z.string() }).strict().optional(),
    /** The channel's name as people know it (#general, « Général »), when the platform gave it. */
    channelName: z.string().max(200).optional(),
  })
  .strict();
export type Subscription = z.infer<typeof subscriptionSchema>;

export const inviteSchema = z.object({ invitedAt: z.string(), by: z.string() }).strict();

export const storeDataSchema = z
  .object({
    version: z.literal(STORE_VERSION),
    users: z.record(z.string(), userPrefsSchema),
    conversations: z.record(z.string(), conversationSchema).default({}),
    registrations: z.record(z.string(), registrationSchema).default({}),
    forms: z.record(z.string(), formProgressSchema).default({}),
    invites: z.record(z.string(), inviteSchema).default({}),
    subscriptions: z.record(z.string(), subscriptionSchema).default({}),
    /** user id → session id → when starred. Absent from files written before stars: none. */
    stars: z.record(userIdSchema, z.record(sessionIdSchema, instantSchema)).default({}),
    /** user id → the token of their private calendar address. Absent from older files: none. */
    feeds: z.record(userIdSchema, feedTokenSchema).default({}),
    /** Live sessions (absent from older files: none): questions by id, votes by question then user, the last id given. */
    questions: z.record(z.string(), storedQuestionSchema).default({}),
    votes: z.record(z.string(), z.record(userIdSchema, instantSchema)).default({}),
    questionSeq: z.number().int().min(0).default(0),
    moderators: z.record(sessionIdSchema, moderatorsSchema).default({}),
    /** `<session id> <channel>` → where its live post is. */
    livePosts: z.record(z.string(), livePostSchema).default({}),
    /** Nomination id → the nomination. Absent from older files: none. */
    nominations: z.record(z.string(), nominationSchema).default({}),
    /** `<session id> <user id>` → that person's feedback on the session. Absent from older files: none. */
    feedback: z.record(z.string(), feedbackSchema).default({}),
    /** User id → when they asked for no more feedback prompts (`feedback off`). */
    feedbackOff: z.record(userIdSchema, instantSchema).default({}),
    /** Announcement id → the announcement. Absent from older files: none. */
    announcements: z.record(z.string(), announcementSchema).default({}),
  })
  .strict();
export type StoreData = z.infer<typeof storeDataSchema>;

export const emptyStore = (): StoreData => ({ version: STORE_VERSION, users: {}, conversations: {}, registrations: {}, forms: {}, invites: {}, subscriptions: {}, stars: {}, feeds: {}, nominations: {}, questions: {}, votes: {}, questionSeq: 0, moderators: {}, livePosts: {}, feedback: {}, feedbackOff: {}, announcements: {} });
