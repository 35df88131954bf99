// Session ids people type (w2-d3-a) that survive re-imports: a session keeps the id of the session with its source key.
import { DateTime } from 'luxon';
import type { Agenda, Session } from '../core/content/schema.js';
import { changedFields } from './diff.js';
import { keyOf, type PlacedSession } from './place.js';
import type { RowProblem } from './types.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** The key a session already in the agenda is known by: the one an import stored, else the one it would get. */
const keyOfKept = (s: Session): string => s.source ?? keyOf(s.date, s.start, s.title[s.originalLanguage ?? 'en']);

export interface Assigned {
  sessions: Session[];
  /** Ids no session may take again (removed now, or before). */
  retired: string[];
  problems: RowProblem[];
}

/**
 * Ids for the imported sessions. A session whose key the previous agenda knows keeps that session's id, and its
 * sequence goes up by one when anything people see changed; a new one takes the next free letter of its day.
 * Over the sample agenda nothing is kept: the sample is not anyone's agenda.
 */
export function assignIds(placed: PlacedSession[], previous: Agenda | undefined, zone: string): Assigned {
  const kept = previous && !previous.sample ? previous.sessions : [];
  const byKey = new Map(kept.map((s) => [keyOfKept(s), s]));
  const problems: RowProblem[] = [];
  const firstLine = new Map<string, number>();
  const taken = new Set<string>(previous && !previous.sample ? [...kept.map((s) => s.id), ...(previous.retired ?? [])] : []);
  const out: { line: number; session: Session }[] = [];
  const fresh: PlacedSession[] = [];
  for (const p of placed) {
    const seen = firstLine.get(p.source!);
    if (seen !== undefined) {
      problems.push({ line: p.line, problem: `this session has the same key as the one on line ${seen} (${p.source})`, fix: 'give each session its own guid, UID or key, or remove the duplicate' });
      continue;
    }
    firstLine.set(p.source!, p.line);
    const match = byKey.get(p.source!);
    const { line, ...session } = p;
    if (!match) fresh.push(p);
    else out.push({ line, session: { id: match.id, ...session, sequence: changedFields(match, session).length > 0 ? match.sequence + 1 : match.sequence } });
  }
  const used = new Set(out.map((o) => o.session.id));
  // Letters follow the clock within a day; sessions at one time keep the file's order (rooms as listed).
  fresh.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
  for (const p of fresh) {
    const day = DateTime.fromISO(p.date, { zone }).weekday;
    const prefix = `w${p.week}-d${day}-`;
    const letter = [...LETTERS].find((l) => !taken.has(prefix + l) && !used.has(prefix + l));
    if (!letter) {
      problems.push({ line: p.line, problem: `${p.date} already has ${LETTERS.length} sessions`, fix: 'a day holds at most 26 sessions (ids a to z); move this one to another day' });
      continue;
    }
    used.add(prefix + letter);
    const { line, ...session } = p;
    out.push({ line, session: { id: prefix + letter, ...session, sequence: 0 } });
  }
  const retired = previous && !previous.sample ? [...new Set([...(previous.retired ?? []), ...kept.map((s) => s.id).filter((id) => !used.has(id))])].sort() : [];
  const sessions = out.map((o) => o.session).sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  return { sessions, retired, problems };
}
