// What a question means, as the core needs it: the shape of a reading and the reader's interface. The reader itself
// (src/understanding) implements it and is handed to the core at boot; the core never imports it.
import type { DateTime } from 'luxon';
import type { Lang } from './lang.js';

/** What a question can ask for, whatever words it uses. */
export const INTENTS = [
  'when', 'where', 'whatsOn', 'sessions', 'resources', 'search', 'now', 'next', 'register', 'me', 'help', 'greeting', 'thanks', 'goodbye', 'yes', 'no', 'lang',
  // My agenda. "star", "bookmark": a session to add, whatever else is said; "add", "put", "remove": only with a
  // session (its id, or the word "session") or my agenda named, so "add" elsewhere asks for nothing.
  'star', 'unstar', 'add', 'remove', 'myAgenda',
  // Reminders before my sessions: set (with a length of time), shown, or stopped.
  'remind', 'remindOff',
  // Live sessions: a question for a session's panel ("I have a question for … : …"), a vote for a question (q3).
  'askPanel', 'vote',
  // Feedback on a session: the form of the session named, or the sessions taking feedback to pick from.
  'feedback',
] as const;
export type Intent = (typeof INTENTS)[number];

export const PARTS = ['morning', 'afternoon', 'evening'] as const;
export type Part = (typeof PARTS)[number];

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
  /** A weekday named alone, with no this/next/last and no past: "and Tuesday?" after a day is that day's week. */
  bare?: true;
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
  /** Points at what the bot last showed ("it", "the second one", «أضفها»), which one of them if said. */
  referent?: { nth?: number | 'last' };
  /** Moves that many weeks from the week last shown ("and the week after?"). */
  shiftWeeks?: number;
  /** Moves that many days from the day last shown ("the next day", « la veille »). */
  shiftDays?: number;
  /** What is still to come of the day asked ("what's left today?"). */
  remaining?: true;
  /** A session word in the singular ("the session on…", «جلسة»): one session is asked for, not a list. */
  oneSession?: true;
  /** The nth session (1 = the first), or the last, of the day, the week or the whole event asked. */
  sessionOrder?: number | 'last';
  /** A session id, however typed (W2D3A, w2 d3 a). */
  sessionId?: string;
  /** Ids a partial one (w2-d3) may mean. */
  sessionIdGuesses?: string[];
  /** A length of time asked for a reminder, in minutes ("remind me 15 minutes before"), read only beside a reminder word. */
  minutes?: number;
  /** A language named ("in French"). */
  namedLang?: Lang;
  /** A fact of the event itself the question asks about (an id of content/event-faq.json): "is it free?". */
  fact?: string;
  /** What the question is about, in the words left once days, weeks, intents and stop words are read. */
  subject: string;
  /** The same words as the asker wrote them, to show back. */
  subjectShown: string;
  /** Sessions, library items and weeks about the subject, best first. */
  hits: Hit[];
}

/** Yes or no, when that is all a message says ("yes", « oui bien sûr », «نعم»): the answer to the bot's last question. */
export interface YesNoReader {
  yesNo(text: string): 'yes' | 'no' | undefined;
}

/** Reads questions in people's own words. */
export interface QuestionReader extends YesNoReader {
  /** The language a message is clearly written in, if it shows. */
  language(text: string): Lang | undefined;
  /** `today` is the asker's local date and time. */
  read(text: string, today: DateTime): Understanding;
  /** Sessions, library items and weeks about some words, ranked together (for `search` and `resources`). */
  find(words: string): Hit[];
}
