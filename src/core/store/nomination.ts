// A nomination: a regional focal point proposes an email (and a name) for their region; the core team accepts it
// (the email is then invited) or declines it. One nomination per email, whoever made it.
import { z } from 'zod';
import { REGIONS } from '../choices.js';
import { LANGS } from '../lang.js';

export const NOMINATION_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** N and five of the registration ids' letters: read aloud and typed. */
export const NOMINATION_ID = /^N[0-9A-Z]{5}$/;
/** The longest name kept with a nomination. */
export const MAX_NOMINEE_NAME = 100;

export const nominationSchema = z
  .object({
    id: z.string().regex(NOMINATION_ID),
    email: z.string().min(3).max(254).refine((e) => e === e.toLowerCase(), 'expected a lower-case email'),
    name: z.string().min(1).max(MAX_NOMINEE_NAME).optional(),
    region: z.enum(REGIONS),
    /** The focal point's full chat id ("slack:T1:U1", "teams:29:…"): they are told of the decision there. */
    focalPoint: z.string().min(1),
    /** The language the focal point nominated in: the decision is told in it unless they chose another. */
    lang: z.enum(LANGS),
    status: z.enum(NOMINATION_STATUSES),
    createdAt: z.string(),
    decidedAt: z.string().optional(),
    decidedBy: z.string().optional(),
  })
  .strict();
export type Nomination = z.infer<typeof nominationSchema>;

/** What adding nominations did: those recorded, and the emails someone had already nominated (left as they were). */
export interface NominationsAdded {
  added: Nomination[];
  already: string[];
}
