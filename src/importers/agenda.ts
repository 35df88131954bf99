// Sessions read from a file become the next agenda: placed, given ids, checked whole; the report says what changed.
import type { Agenda, EventInfo } from '../core/content/schema.js';
import placeholders from './placeholders.json' with { type: 'json' };
import { diffAgendas, refOf, type AgendaDiff } from './diff.js';
import { assignIds } from './ids.js';
import { place, type PlacedSession } from './place.js';
import type { ReadResult, RowProblem } from './types.js';

export interface AgendaOutcome {
  agenda?: Agenda;
  diff: AgendaDiff;
  problems: RowProblem[];
  untranslated: { id: string; title: string; languages: string[] }[];
  sampleCleared: boolean;
}

const EMPTY: AgendaDiff = { added: [], changed: [], removed: [], unchanged: 0 };

export function nextAgenda(read: ReadResult, previous: Agenda | undefined, event: EventInfo, fileName: string): AgendaOutcome {
  const problems = [...read.problems];
  const placed: PlacedSession[] = [];
  for (const s of read.sessions) {
    const p = place(s, event);
    if ('problem' in p) problems.push(p);
    else placed.push(p);
  }
  if (read.sessions.length === 0 && problems.length === 0) problems.push({ line: 0, problem: 'the file has no sessions', fix: 'check that it is the agenda export' });
  const assigned = assignIds(placed, previous, event.timeZone);
  problems.push(...assigned.problems);
  const outcome = { diff: EMPTY, problems: problems.sort((a, b) => a.line - b.line), untranslated: [], sampleCleared: false };
  if (problems.length > 0) return outcome;
  const note = Object.fromEntries(Object.entries(placeholders.note).map(([l, t]) => [l, t.replace('{{file}}', fileName)])) as Agenda['note'];
  const agenda: Agenda = { sample: false, note, sessions: assigned.sessions, ...(assigned.retired.length > 0 ? { retired: assigned.retired } : {}) };
  const diff = previous?.sample ? { ...diffAgendas(undefined, agenda), removed: previous.sessions.map(refOf) } : diffAgendas(previous, agenda);
  return {
    agenda,
    diff,
    problems,
    untranslated: agenda.sessions.filter((s) => s.untranslated).map((s) => ({ id: s.id, title: s.title[s.originalLanguage ?? 'en'], languages: s.untranslated! })),
    sampleCleared: previous?.sample === true,
  };
}
