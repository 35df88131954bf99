// The question reader: from what a participant typed, in English, French or Arabic, to what they mean — the day,
// the week, the session, the subject and what they want — with no network and no model: normalisation, the
// vocabulary tables in vocabulary/, Orama's tokenizer, stemmers and stop words.
import { DateTime } from 'luxon';
import { LANGS, type Lang } from '../core/lang.js';
import type { Content } from '../core/content/load.js';
import { AboutIndex } from './about.js';
import { findDays, type EventCalendar } from './days.js';
import { FactSigns } from './facts.js';
import { findMinutes } from './durations.js';
import { documentsOf } from './documents.js';
import { findIntents } from './intents.js';
import { clearLanguage } from './language.js';
import { Lexicon } from './lexicon.js';
import { shownWordsOf, wordsOf } from './normalize.js';
import { findSessionId } from './session-ids.js';
import { findSessionOrder } from './session-order.js';
import { findReferent } from './referents.js';
import type { Token } from './types.js';
import type { Hit, Intent, QuestionReader, Understanding } from '../core/reading.js';
import { CONCEPTS, TABLES } from './vocabulary/load.js';
import { findWeek } from './weeks.js';
import { readYesNo } from './yes-no.js';

const REMINDER_INTENTS: ReadonlySet<Intent> = new Set(['remind', 'remindOff']);

/** Words longer than this are not read: a question is short, and a pasted page must stay cheap. */
const MAX_WORDS = 60;

export class Reader implements QuestionReader {
  private readonly lexicon: Lexicon;
  private readonly about: AboutIndex;
  private readonly calendar: EventCalendar;
  private readonly suffixes: string[];
  private readonly articles: Set<string>;
  private readonly sessionIds: string[];
  private readonly facts: FactSigns;
  private readonly definite: Set<string>;

  constructor(
    private readonly content: Content,
    commandWords: Partial<Record<Lang, readonly string[]>> = {},
  ) {
    // Command words, the names of topics and the words of the event's own texts are signs of a language too
    // ("reconstruire" is French); a word found in two languages ("handicap", "protection") is a sign of neither.
    const docs = documentsOf(content);
    const texts = (l: Lang) => docs.flatMap((d) => [d.title[l], d.tags[l], d.body[l]]);
    const shown = Object.fromEntries(LANGS.map((l) => [l, [...(commandWords[l] ?? []), ...CONCEPTS.concepts.flatMap((c) => c.names[l]), ...texts(l)]]));
    this.lexicon = new Lexicon(shown);
    this.about = new AboutIndex(docs);
    const days = content.event.weeks.flatMap((w) => this.weekdaysOf(w.start, w.end));
    this.calendar = { year: Number(content.event.start.slice(0, 4)), month: Number(content.event.start.slice(5, 7)), days };
    this.suffixes = LANGS.flatMap((l) => TABLES[l].ordinalSuffixes.map((s) => wordsOf(s).join('')));
    this.articles = new Set(LANGS.flatMap((l) => TABLES[l].dateArticles.map((a) => wordsOf(a).join(' '))));
    this.sessionIds = content.agenda.sessions.map((s) => s.id);
    this.facts = new FactSigns(content.faq, this.lexicon);
    this.definite = new Set(LANGS.flatMap((l) => TABLES[l].definiteArticles.map((a) => wordsOf(a).join(' '))));
  }

  private weekdaysOf(start: string, end: string): string[] {
    const out: string[] = [];
    for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d.setUTCDate(d.getUTCDate() + 1)) {
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
    }
    return out;
  }

  private label(text: string): { tokens: Token[]; lang?: Lang; words: string[] } {
    const words = wordsOf(text.slice(0, 2000)).slice(0, MAX_WORDS);
    const { tokens, langs } = this.lexicon.label(words);
    const lang = clearLanguage(text.slice(0, 2000), langs);
    return { tokens, words, ...(lang ? { lang } : {}) };
  }

  /** The language a message is clearly written in, if it shows. */
  language(text: string): Lang | undefined {
    return this.label(text).lang;
  }

  /** Yes or no, when that is all a message says ("yes", « oui bien sûr », «نعم»), as the answer to a question. */
  yesNo(text: string): 'yes' | 'no' | undefined {
    return readYesNo(text, this.lexicon);
  }

  /** Sessions, library items and weeks about some words, ranked together (for `search` and `resources`). */
  find(words: string): Hit[] {
    const { tokens } = this.label(words);
    return this.about.find(this.subjectOf(tokens, []).subject);
  }

  /** The words no recogniser used and that are not stop words: what the question is about. */
  private subjectOf(tokens: readonly Token[], shown: readonly string[]): { subject: string; subjectShown: string } {
    const left = tokens.filter((t) => !t.used && !t.stop && t.meanings.length === 0 && !/^\d+$/.test(t.text) && t.text.length > 1);
    return { subject: left.map((t) => t.text).join(' '), subjectShown: left.map((t) => shown.slice(t.at, t.at + t.span).join(' ')).join(' ') };
  }

  /** `today` is the asker's local date and time. */
  read(text: string, today: DateTime): Understanding {
    const { tokens, lang, words } = this.label(text);
    const shown = shownWordsOf(text.slice(0, 2000)).slice(0, MAX_WORDS);
    const ids = findSessionId(tokens, this.sessionIds);
    // A length of time is read before days take its number, and only where reminders are spoken of.
    const minutes = tokens.some((t) => !t.used && t.meanings.some((m) => m.kind === 'intent' && REMINDER_INTENTS.has(m.intent))) ? findMinutes(tokens, this.suffixes) : undefined;
    const order = findSessionOrder(tokens, this.suffixes);
    const days = findDays(tokens, today, this.calendar, this.suffixes, this.articles);
    const week = findWeek(tokens, today, this.suffixes);
    const { referent, shift } = findReferent(tokens, this.suffixes);
    const { intents, namedLang } = findIntents(tokens);
    // The words of a fact's sign are what is asked, not what it is about: "when does the session on payments start".
    const fact = this.facts.find(words);
    if (fact) for (const t of tokens) if (fact.at.some((i) => i >= t.at && i < t.at + t.span)) t.used = true;
    const { subject, subjectShown } = this.subjectOf(tokens, shown);
    const u: Understanding = { words, intents, subject, subjectShown, hits: this.about.find(subject) };
    if (lang) u.lang = lang;
    if (namedLang) u.namedLang = namedLang;
    if (fact) u.fact = fact.id;
    if (order !== undefined) u.sessionOrder = order;
    if (tokens.some((t, i) => this.isTheSession(tokens, i))) u.oneSession = true;
    const remaining = tokens.find((t) => t.meanings.some((m) => m.kind === 'remaining'));
    if (remaining) {
      remaining.used = true;
      u.remaining = true;
      u.subject = u.subject.split(' ').filter((w) => w !== remaining.text).join(' ');
    }
    if (referent) u.referent = referent;
    if (shift !== undefined) u.shiftDays = shift;
    if (ids.id) u.sessionId = ids.id;
    if (ids.guesses) u.sessionIdGuesses = ids.guesses;
    if (minutes !== undefined) u.minutes = minutes;
    if (days.part) u.part = days.part;
    if (days.dateChoices) u.dateChoices = days.dateChoices;
    const weeks = this.content.event.weeks;
    if (week?.kind === 'number') {
      if (weeks.some((w) => w.number === week.number)) u.week = week.number;
      else u.weekOutOfRange = week.number;
    } else if (week?.kind === 'final') u.week = Math.max(...weeks.map((w) => w.number));
    else if (week?.kind === 'relative' && week.bare && shift !== undefined) u.shiftWeeks = shift; // "and the week after?"
    else if (week?.kind === 'relative' && week.bare && days.day?.explicit) {
      // "the week of May 17", « la semaine du 17 mai »: the week that date is in, not the day.
      const monday = DateTime.fromISO(days.day.date, { zone: 'utc' }).startOf('week').toISODate()!;
      u.week = this.weekAround(monday);
      delete days.day;
    } else if (week?.kind === 'relative') u.week = this.weekAround(week.monday);
    const asked = weeks.find((w) => w.number === u.week);
    const pool = asked ? this.calendar.days.filter((d) => asked.start <= d && d <= asked.end) : this.calendar.days;
    if (days.day?.weekday !== undefined && asked) {
      // "Thursday of week 2": that week's Thursday, not this week's.
      const date = pool.find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === days.day!.weekday! % 7);
      u.day = date ? { date, explicit: true } : days.day;
    } else if (days.day) u.day = days.day;
    else if (days.eventDay !== undefined) {
      // The nth day of the week asked, or of the whole event.
      const date = days.eventDay === 'last' ? pool[pool.length - 1] : pool[days.eventDay - 1];
      if (date) u.day = { date, explicit: true };
    }
    return u;
  }

  /**
   * "The session on…", "who chairs the missing middle session", « la séance d'ouverture », «الجلسة الافتتاحية»: a
   * session word in the singular (plurals end in -s or -x, or in ات) made definite (an article among the three words
   * before it, or ال written on it) asks for one session; "is there a session on…" for a list.
   */
  private isTheSession(tokens: readonly Token[], i: number): boolean {
    const t = tokens[i]!;
    if (t.span !== 1 || !t.meanings.some((m) => m.kind === 'intent' && m.intent === 'sessions') || /(s|x|ات)$/u.test(t.text)) return false;
    // «جلسة الوسط المفقود»: an Arabic noun before another noun (not a preposition such as عن) is definite too.
    const next = tokens[i + 1];
    const construct = /\p{Script=Arabic}/u.test(t.text) && next !== undefined && !next.stop && next.meanings.length === 0;
    return construct || t.text.startsWith('ال') || tokens.slice(Math.max(0, i - 3), i).some((b) => this.definite.has(b.text));
  }

  /** The event week a Monday falls in; before the event the first, after it the last. */
  private weekAround(monday: string): number {
    const weeks = [...this.content.event.weeks].sort((a, b) => a.start.localeCompare(b.start));
    const friday = new Date(Date.parse(`${monday}T00:00:00Z`) + 4 * 86_400_000).toISOString().slice(0, 10);
    const within = weeks.find((w) => w.start <= friday && monday <= w.end);
    if (within) return within.number;
    return (monday < weeks[0]!.start ? weeks[0]! : weeks[weeks.length - 1]!).number;
  }
}
