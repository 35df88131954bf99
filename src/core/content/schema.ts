// The shape of the files in content/: validated with zod at start-up.
import { z } from 'zod';
import { LANGS } from '../lang.js';
import { REGIONS } from '../choices.js';
import { controlIn, controlMessage } from './plain-text.js';

/** A text that is not empty and holds no control character (a multiline one may hold tabs and line breaks). */
const plain = (multiline: boolean) =>
  z.string().trim().min(1).superRefine((s, ctx) => {
    const found = controlIn(s, multiline);
    if (found) ctx.addIssue({ code: 'custom', message: controlMessage(found, multiline) });
  });
const nonEmpty = plain(false);
const nonEmptyText = plain(true);
/** A one-line text (a title, a name) given in all three languages. */
export const localized = z.object({ en: nonEmpty, fr: nonEmpty, ar: nonEmpty }).strict();
export type Localized = z.infer<typeof localized>;
/** A text in all three languages that may run over several lines (a description, a summary). */
export const localizedText = z.object({ en: nonEmptyText, fr: nonEmptyText, ar: nonEmptyText }).strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (24-hour)');

/**
 * A link people open from a card: https only, with a domain name, no user name or password in it, short enough
 * for every platform's buttons. The message names the fix, as every content error does.
 */
export const httpsUrl = z
  .url({ protocol: /^https$/i, hostname: z.regexes.domain, message: 'expected an https:// address with a domain name, such as https://example.org/page; write the full address starting with https://' })
  .max(2000, { message: 'expected an address of at most 2000 characters; use a shorter link' })
  .refine((u) => !/^https:\/\/[^/?#]*@/i.test(u), { message: 'an address with a user name or password before "@" is refused; remove that part' });

export const LINK_KINDS = ['page', 'join', 'materials', 'recording'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * A session's links: its page (frab/pretalx `url`, iCalendar URL), the address to join it live, its materials
 * (slides, documents) and its recording. Each optional.
 */
export const sessionLinksSchema = z
  .object({ page: httpsUrl, join: httpsUrl, materials: httpsUrl, recording: httpsUrl })
  .partial()
  .strict();
export type SessionLinks = z.infer<typeof sessionLinksSchema>;

/**
 * Agendas written by imports before links had kinds hold `"links": ["https://…", …]`: the first address was the
 * session's page (the source's url), so it is read as `page` and the rest left for the next import to place.
 * Only the in-memory agenda changes; `npm run import` writes the new shape.
 */
export function linksFromList(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.length > 0 ? { page: value[0] } : undefined;
}

export const TOPIC_IDS = ['gbv', 'fcv', 'ageing', 'urban', 'disability', 'financing'] as const;
export const topicId = z.enum(TOPIC_IDS);
export type TopicId = z.infer<typeof topicId>;

export const eventSchema = z
  .object({
    id: nonEmpty,
    name: localized,
    shortName: nonEmpty,
    organiser: localized,
    start: isoDate,
    end: isoDate,
    timeZone: nonEmpty,
    workingLanguage: z.enum(LANGS),
    interpretation: z.array(z.enum(LANGS)).min(1),
    participation: localizedText,
    themes: z.array(localized).min(1),
    sessionFormat: localizedText,
    weeks: z
      .array(
        z
          .object({
            number: z.number().int().min(1),
            start: isoDate,
            end: isoDate,
            title: localized,
            summary: localizedText,
            keywords: z.array(nonEmpty),
          })
          .strict(),
      )
      .min(1),
    specialTopics: z
      .array(z.object({ id: topicId, number: z.number().int().min(1), title: localized }).strict())
      .length(TOPIC_IDS.length),
  })
  .strict();
export type EventInfo = z.infer<typeof eventSchema>;

export const sessionSchema = z
  .object({
    id: z.string().regex(/^w\d-d\d-[a-z]$/, 'expected an id like w2-d3-a'),
    date: isoDate,
    start: clockTime,
    end: clockTime,
    week: z.number().int().min(1),
    topic: topicId.optional(),
    title: localized,
    description: localizedText,
    speakers: z.array(localized).min(1),
    sequence: z.number().int().min(0).default(0),
    /** Set by `npm run import`: the key of the session in the source (guid, UID, or date, start and title), so re-imports keep its id. */
    source: nonEmpty.optional(),
    /** The language the session was written in, when an import found no translation for some languages. */
    originalLanguage: z.enum(LANGS).optional(),
    /** Languages whose title is the original's, shown with a marker until translated. */
    untranslated: z.array(z.enum(LANGS)).optional(),
    /** Languages whose description is the original's: the marker goes on the description, not on a translated title. */
    untranslatedDescription: z.array(z.enum(LANGS)).optional(),
    /** The language the source gave when it is none of the bot's (a German talk: "de"); its text stands in for all three. */
    sourceLanguage: z.string().regex(/^[a-z]{2,3}$/, 'expected a two- or three-letter language code such as de').optional(),
    /** Where to read about it, join it, find its materials and its recording (an older list: see linksFromList). */
    links: z.preprocess(linksFromList, sessionLinksSchema.optional()),
  })
  .strict();
export type Session = z.infer<typeof sessionSchema>;

export const agendaSchema = z
  .object({
    sample: z.boolean(),
    note: localizedText,
    sessions: z.array(sessionSchema).min(1),
    /** Ids of sessions removed by an import: never given to another session, so stars and calendar UIDs stay true. */
    retired: z.array(z.string()).optional(),
  })
  .strict();
export type Agenda = z.infer<typeof agendaSchema>;

export const RESOURCE_TYPES = ['brief', 'report', 'guidelines-tools'] as const;

export const resourceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case id like ethiopia-brief'),
    type: z.enum(RESOURCE_TYPES),
    date: isoDate.nullable(),
    originalLanguage: z.enum(LANGS),
    title: localized,
    summary: localizedText,
    weeks: z.array(z.number().int().min(1)).min(1),
    topics: z.array(topicId),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code')),
    tags: localized,
    /** Where to read it: an https:// address, shown as an Open button. */
    url: httpsUrl.optional(),
  })
  .strict();
export type Resource = z.infer<typeof resourceSchema>;

export const librarySchema = z
  .object({
    source: localizedText,
    resources: z.array(resourceSchema).min(1),
  })
  .strict();
export type Library = z.infer<typeof librarySchema>;

/** The geographic regions of the Bank's country classification (CLASS), as the Bank codes them. */
export const CLASS_REGIONS = ['EAS', 'ECS', 'LCN', 'MEA', 'NAC', 'SAS', 'SSF'] as const;

export const countryRegionSchema = z
  .object({
    code: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
    name: nonEmpty,
    economy: z.string().regex(/^[A-Z]{3}$/, 'expected the CLASS code of the economy, like KEN').nullable(),
    class: z.enum(CLASS_REGIONS).nullable(),
    lending: z.boolean(),
    region: z.enum(REGIONS).nullable(),
    note: nonEmpty.optional(),
  })
  .strict();
export type CountryRegion = z.infer<typeof countryRegionSchema>;

export const countryRegionsSchema = z
  .object({
    about: z.array(nonEmptyText).min(1),
    asOf: z.string().regex(/^\d{4}-\d{2}$/, 'expected a month as YYYY-MM'),
    countries: z.array(countryRegionSchema).min(1),
  })
  .strict();
export type CountryRegions = z.infer<typeof countryRegionsSchema>;
