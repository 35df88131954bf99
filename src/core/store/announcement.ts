// An announcement: an organiser's message to an audience, in English and optionally French and Arabic, sent at a
// time (now or later) as one direct message to each person (or one post to each subscribed channel).
import { z } from 'zod';
import { INTERPRETATION, REGIONS } from '../choices.js';

export const ANNOUNCEMENT_STATUSES = ['scheduled', 'sent', 'cancelled'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/** A and five of the registration ids' letters: read aloud and typed. */
export const ANNOUNCEMENT_ID = /^A[0-9A-Z]{5}$/;
/** The longest text of one language: well within one Slack message and one Teams card. */
export const MAX_ANNOUNCEMENT_TEXT = 1500;

export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('confirmed') }).strict(),
  z.object({ kind: z.literal('pending') }).strict(),
  z.object({ kind: z.literal('channels') }).strict(),
  /** Invited (by the team or an accepted nomination) and not registered yet: reminded to register. */
  z.object({ kind: z.literal('unregistered') }).strict(),
  z.object({ kind: z.literal('region'), region: z.enum(REGIONS) }).strict(),
  z.object({ kind: z.literal('interpretation'), language: z.enum(INTERPRETATION) }).strict(),
  z.object({ kind: z.literal('starred'), session: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/) /* as stars keep it */ }).strict(),
]);
export type Audience = z.infer<typeof audienceSchema>;

const text = z.string().min(1).max(MAX_ANNOUNCEMENT_TEXT);

export const announcementSchema = z
  .object({
    id: z.string().regex(ANNOUNCEMENT_ID),
    /** The organiser's full chat id ("slack:T1:U1", "teams:29:…"): whoever made it owns it. */
    by: z.string().min(1),
    audience: audienceSchema,
    text: z.object({ en: text, fr: text.optional(), ar: text.optional() }).strict(),
    /** When it goes: an instant (UTC). */
    sendAt: z.iso.datetime(),
    status: z.enum(ANNOUNCEMENT_STATUSES),
    createdAt: z.iso.datetime(),
    /** Direct messages and channel posts sent so far. */
    sent: z.number().int().min(0),
    /** Recipients it could not reach, counted once it is done. */
    unreachable: z.number().int().min(0),
    /** When it was done (sent) or cancelled. */
    closedAt: z.iso.datetime().optional(),
  })
  .strict();
export type Announcement = z.infer<typeof announcementSchema>;
