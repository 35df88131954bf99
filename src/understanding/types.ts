// What the reader makes of a message: plain data, no platform and no reply.
import type { Lang } from '../core/lang.js';
import type { Intent, Part } from '../core/reading.js';

/** What one word (or phrase) of the vocabulary can mean; a word may mean several things ("next"). */
export type Meaning =
  | { kind: 'relativeDay'; offset: number }
  | { kind: 'weekday'; day: number } // 1 = Monday, as luxon counts
  | { kind: 'month'; month: number }
  | { kind: 'number'; value: number }
  | { kind: 'ordinal'; value: number }
  | { kind: 'final' }
  | { kind: 'modifier'; which: 'this' | 'next' | 'last' }
  | { kind: 'past' }
  | { kind: 'remaining' }
  | { kind: 'referent' }
  | { kind: 'shift'; days: number }
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
