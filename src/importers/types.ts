// What every reader gives back: the sessions of a file in one neutral shape, and the rows it could not read.
import { visible } from '../core/content/plain-text.js';
import type { SessionLinks } from '../core/content/schema.js';
import type { Lang } from '../core/lang.js';
import type { LeftOutLink } from './links.js';

/** A row or event that cannot become a session: where it is, what is wrong, how to fix it. */
export interface RowProblem {
  /** 1-based line of the file where the row or event starts (0 when the whole file is at fault). */
  line: number;
  problem: string;
  fix: string;
}

/** A session as a source gives it, before it is placed in a week and given an id. Times are in the event's zone. */
export interface SourceSession {
  line: number;
  /** The source's own key (frab guid, iCalendar UID, CSV key column), when it has one. */
  key?: string;
  date: string;
  start: string;
  end: string;
  title: Partial<Record<Lang, string>>;
  description: Partial<Record<Lang, string>>;
  /** Each speaker in the languages given; a name given once stands for all three. */
  speakers: Partial<Record<Lang, string>>[];
  /** The language the source wrote it in, if it says. */
  language?: string;
  /** frab track, iCalendar CATEGORIES, or the CSV topic column: places week-4 sessions in a special topic. */
  track?: string;
  /** The week the source names, checked against the date. */
  week?: number;
  /** The session's page, join address, materials and recording, as far as the source gives them ({} when none). */
  links: SessionLinks;
  /** Links of the source the bot could not show (http://…), left out of `links`. */
  leftOut?: LeftOutLink[];
  /** The date the file gives, when `--shift-to` moved the session (see shift.ts). */
  shiftedFrom?: string;
}

export interface ReadResult {
  format: string;
  sessions: SourceSession[];
  problems: RowProblem[];
  /** The first day the file itself declares (a frab/pretalx conference's start), YYYY-MM-DD; `--shift-to` moves it. */
  firstDay?: string;
}

/** What a reader needs to know about the event. */
export interface ReadOptions {
  zone: string;
}

/** One line of the report; a control character quoted from the file is written as <U+XXXX>, never sent to the terminal. */
export const problemText = (p: RowProblem): string => visible(`${p.line > 0 ? `line ${p.line}` : 'file'}: ${p.problem}; ${p.fix}`);

/**
 * The 1-based line where an index falls in `text`, counted on from the last index asked (a file's events are
 * asked in order: counting each from the start made a 5 MB schedule take a minute).
 */
export function lineCounter(text: string): (index: number) => number {
  let at = 0;
  let line = 1;
  return (index) => {
    if (index < 0) return 0;
    if (index < at) [at, line] = [0, 1];
    for (; at < index; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

/** The lines where each match of `pattern` starts, in order (the nth event of a file starts at the nth match). */
export function linesOf(text: string, pattern: RegExp): number[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const out: number[] = [];
  let line = 1;
  let last = 0;
  for (const m of text.matchAll(new RegExp(pattern.source, flags))) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    out.push(line);
  }
  return out;
}
