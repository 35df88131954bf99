// The shape of the reader's per-language tables (vocabulary/*.json): words are data, checked once at start-up.
import { z } from 'zod';
import { LANGS } from '../../core/lang.js';
import { INTENTS, type Intent } from '../../core/reading.js';

const phrases = z.array(z.string().trim().min(1));

export const languageTableSchema = z
  .object({
    lang: z.enum(LANGS),
    /** today (0), tomorrow (1), yesterday (-1), the day after tomorrow (2)... */
    relativeDays: z.array(z.object({ offset: z.number().int().min(-7).max(7), phrases }).strict()),
    /** Monday first, as luxon counts them. */
    weekdays: z.array(phrases).length(7),
    /** January first; several names a month where the language has them (مايو, أيار, ماي). */
    months: z.array(phrases).length(12),
    /** one, two, three...: the value is the position plus one. */
    numbers: z.array(phrases),
    /** first, second, third... */
    ordinals: z.array(phrases),
    /** Endings that make a number an ordinal: 12th, 1er, 3e. */
    ordinalSuffixes: phrases,
    /** Words that make the number after them a day of the month: « le 12 », « du 12 », «يوم 12». */
    dateArticles: phrases,
    /** "final", « dernière », الأخير: the last of the event's weeks or days. */
    final: phrases,
    /** this / next / last, before or after a week or weekday word. */
    modifiers: z.object({ this: phrases, next: phrases, last: phrases }).strict(),
    /** What the bot last showed, pointed at: it, that one, « celle-ci », «هذه الجلسة». */
    referents: phrases,
    /** Endings that point at what was shown, written onto a verb (أضفها: add it). */
    pronounSuffixes: phrases,
    /** Moves from the day shown: the next day (1), « la veille » (-1). */
    shifts: z.array(z.object({ days: z.number().int().min(-7).max(7), phrases }).strict()),
    /** Articles that make the session word after them one session ("the", « la », « cette »). */
    definiteArticles: phrases,
    /** What is still to come of a day: "what's left today?", « il reste quoi ? », «شو باقي اليوم؟». */
    remaining: phrases,
    /** Words that put a question in the past (was, missed, « raté », «فاتني»): a weekday named is the one gone by. */
    past: phrases,
    weekWords: phrases,
    dayWords: phrases,
    parts: z.object({ morning: phrases, afternoon: phrases, evening: phrases }).strict(),
    /**
     * Lengths of time, for reminders: a number before a word for minutes or hours ("15 minutes", «15 دقيقة»), an
     * hour word alone ("an hour before"), or a phrase that is a length by itself ("half an hour", « un quart d'heure »).
     */
    durations: z
      .object({
        minutes: phrases,
        hours: phrases,
        fixed: z.array(z.object({ minutes: z.number().int().min(1).max(1440), phrases }).strict()),
      })
      .strict(),
    intents: z.object(Object.fromEntries(INTENTS.map((i) => [i, phrases])) as Record<Intent, typeof phrases>).strict(),
    /** The names of the bot's languages, written in this language. */
    languageNames: z.object({ en: phrases, fr: phrases, ar: phrases }).strict(),
    /** Words that carry nothing here beyond the stop words: please, tell me, something about... */
    fillers: phrases,
    /** Words shared with another language, never taken as a sign that a message is in this one. */
    neutral: phrases,
    /** Clitics written onto a word (Arabic و، ب، ال...), tried off it when looking a word up. */
    prefixes: phrases,
  })
  .strict();
export type LanguageTable = z.infer<typeof languageTableSchema>;

const perLang = z.object({ en: phrases, fr: phrases, ar: phrases }).strict();

/**
 * Ideas the event's content talks about under many names: a session or item that carries one (by its special
 * topic, or by using one of its `tagWhen` phrases) is also found by every other name of it, in any language.
 */
export const conceptsSchema = z
  .object({
    concepts: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
          topic: z.string().optional(),
          tagWhen: perLang.partial().optional(),
          names: perLang,
        })
        .strict(),
    ),
  })
  .strict();
export type Concepts = z.infer<typeof conceptsSchema>;
