// What the reader makes of a message: plain data, no platform and no reply.
import type { Lang } from '../core/content/schema.js';
import type { Intent, Part } from './vocabulary/schema.js';

export type { Intent, Part };

/** What one word (or phrase) of the vocabulary can mean; a word may mean several things ("next"). */
export type Meaning =
  | { kind: 'relativeDay'; offset: number }
  | { kind: 'weekday'; day: number } // 1 = Monday, as luxon counts
  | { kind: 'month'; month: number }
  | { kind: 'number'; value: number }
  | { kind: 'ordinal'; value: number }
  | { kind: 'final' }
  | { kind: 'modifier'; which: 'this' | 'next' | 'last' }
  | { kind: 'weekWord' }
  | { kind: 'dayWord' }
  | { kind: 'part'; part: Part }
  /** A word for minutes (1) or hours (60), after a number: "15 minutes", « 2 heures ». */
  | { kind: 'timeUnit'; minutes: number }
  /** A length of time by itself: "half an hour", «ربع ساعة». */
  | { kind: 'duration'; minutes: number }
  | { kind: 'intent'; intent: Intent }
  | { kind: 'language'; lang: Lang }
  | { kind: 'filler' };

/** A word or a vocabulary phrase of the message, with everything it may mean. */
export interface Token {
  text: string;
  /** Where its words are in the message: the first one, and how many. */
  at: number;
  span: number;
  meanings: Meaning[];
  /** A stop word or filler: it carries no subject. */
  stop: boolean;
  /** Used by a recogniser (a date, a week): not part of what the question is about. */
  used?: boolean;
}

/** A session, library item or week the question is about, with how well it matches. */
export interface Hit {
  kind: 'session' | 'resource' | 'week';
  id: string;
  score: number;
}

export interface DayAsked {
  date: string; // ISO date
  /** An explicit calendar date, rather than "Thursday" or "tomorrow". */
  explicit: boolean;
  /** The weekday named (1 = Monday), when the day was given that way: "Thursday of week 2". */
  weekday?: number;
}

export interface Understanding {
  /** The message's words, normalised. */
  words: string[];
  /** The language the message is clearly written in, if it shows. */
  lang?: Lang;
  /** What is wanted, in the order the words came. */
  intents: Intent[];
  day?: DayAsked;
  /** "5/12": a date read two ways, both real, answered with a question. */
  dateChoices?: [string, string];
  /** A week of the event, by number, or a number that is not one of its weeks. */
  week?: number;
  weekOutOfRange?: number;
  part?: Part;
  /** A session id, however typed (W2D3A, w2 d3 a). */
  sessionId?: string;
  /** Ids a partial one (w2-d3) may mean. */
  sessionIdGuesses?: string[];
  /** A length of time asked for a reminder, in minutes ("remind me 15 minutes before"), read only beside a reminder word. */
  minutes?: number;
  /** A language named ("in French"). */
  namedLang?: Lang;
  /** What the question is about, in the words left once days, weeks, intents and stop words are read. */
  subject: string;
  /** The same words as the asker wrote them, to show back. */
  subjectShown: string;
  /** Sessions, library items and weeks about the subject, best first. */
  hits: Hit[];
}
