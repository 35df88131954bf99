// Sessions read from a file become the next agenda: placed, given ids, checked whole; the report says what changed.
import type { Agenda, EventInfo } from '../core/content/schema.js';
import { LANGS, type Lang } from '../core/lang.js';
import placeholders from './placeholders.json' with { type: 'json' };
import { diffAgendas, refOf, type AgendaDiff } from './diff.js';
import { assignIds } from './ids.js';
import { place, type PlacedSession } from './place.js';
import type { LeftOutLink } from './links.js';
import type { UntranslatedSession } from './report.js';
import type { ReadResult, RowProblem } from './types.js';

/** A link left out of the agenda, with the id of the session it belonged to. */
export type LeftOutSessionLink = LeftOutLink & { id: string };

export interface AgendaOutcome {
  agenda?: Agenda;
  diff: AgendaDiff;
  problems: RowProblem[];
  untranslated: UntranslatedSession[];
  /**
   * Sessions the source says are written in a language the bot does not speak (pretalx "language": "de"). The bot can
   * only record en, fr or ar as a session's original language, so their text stands for every reader and is marked
   * with the source's language (`sourceLanguage`: "in German, not translated yet"): the report names them so organisers know.
   */
  otherLanguage: { id: string; title: string; language: string }[];
  /** Links the bot could not show (http://…), left out, in the file's order. */
  leftOutLinks: LeftOutSessionLink[];
  sampleCleared: boolean;
}

const EMPTY: AgendaDiff = { added: [], changed: [], removed: [], unchanged: 0 };

export function nextAgenda(read: ReadResult, previous: Agenda | undefined, event: EventInfo, fileName: string): AgendaOutcome {
  const problems = [...read.problems];
  const placed: PlacedSession[] = [];
  const foreign = new Map<string, string>(); // source key → the language the source names
  const dropped = new Map<string, LeftOutLink[]>(); // source key → its links left out
  for (const s of read.sessions) {
    const p = place(s, event);
    if ('problem' in p) problems.push(p);
    else {
      placed.push(p);
      if (s.language && !LANGS.includes(s.language as Lang)) foreign.set(p.source!, s.language);
      if (s.leftOut) dropped.set(p.source!, s.leftOut);
    }
  }
  if (read.sessions.length === 0 && problems.length === 0) problems.push({ line: 0, problem: 'the file has no sessions', fix: 'check that it is the agenda export' });
  const assigned = assignIds(placed, previous, event.timeZone);
  problems.push(...assigned.problems);
  const outcome = { diff: EMPTY, problems: problems.sort((a, b) => a.line - b.line), untranslated: [], otherLanguage: [], leftOutLinks: [], sampleCleared: false };
  if (problems.length > 0) return outcome;
  const note = Object.fromEntries(Object.entries(placeholders.note).map(([l, t]) => [l, t.replace('{{file}}', fileName)])) as Agenda['note'];
  const agenda: Agenda = { sample: false, note, sessions: assigned.sessions, ...(assigned.retired.length > 0 ? { retired: assigned.retired } : {}) };
  const diff = previous?.sample ? { ...diffAgendas(undefined, agenda), removed: previous.sessions.map(refOf) } : diffAgendas(previous, agenda);
  return {
    agenda,
    diff,
    problems,
    untranslated: agenda.sessions
      .filter((s) => s.untranslated || s.untranslatedDescription)
      .map((s) => ({ id: s.id, title: s.title[s.originalLanguage ?? 'en'], missing: { title: s.untranslated ?? [], description: s.untranslatedDescription ?? [] } })),
    otherLanguage: agenda.sessions.filter((s) => foreign.has(s.source!)).map((s) => ({ id: s.id, title: s.title[s.originalLanguage ?? 'en'], language: foreign.get(s.source!)! })),
    leftOutLinks: agenda.sessions.flatMap((s) => (dropped.get(s.source!) ?? []).map((l) => ({ ...l, id: s.id }))).sort((a, b) => a.line - b.line),
    sampleCleared: previous?.sample === true,
  };
}
