// What differs between two versions of a session, and between two agendas: the report of an import and of a reload.
import type { Agenda, Session } from '../core/content/schema.js';
import { orderedLinks } from './links.js';

export type ChangedField = 'time' | 'title' | 'description' | 'speakers' | 'week' | 'topic' | 'links';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changedFields(before: Session, after: Omit<Session, 'id' | 'sequence'>): ChangedField[] {
  const fields: ChangedField[] = [];
  if (before.date !== after.date || before.start !== after.start || before.end !== after.end) fields.push('time');
  if (!same(before.title, after.title)) fields.push('title');
  if (!same(before.description, after.description)) fields.push('description');
  if (!same(before.speakers, after.speakers)) fields.push('speakers');
  if (before.week !== after.week) fields.push('week');
  if (before.topic !== after.topic) fields.push('topic');
  if (!same(orderedLinks(before.links), orderedLinks(after.links))) fields.push('links');
  return fields;
}

export interface SessionRef {
  id: string;
  title: string;
  when: string;
}

export interface Change extends SessionRef {
  fields: ChangedField[];
  /** Where and when it was, for a moved session. */
  was?: string;
}

export interface AgendaDiff {
  added: SessionRef[];
  changed: Change[];
  removed: SessionRef[];
  unchanged: number;
}

const whenOf = (s: Session) => `${s.date} ${s.start}–${s.end}`;
export const refOf = (s: Session): SessionRef => ({ id: s.id, title: s.title[s.originalLanguage ?? 'en'], when: whenOf(s) });

/** Sessions are the same session when they have the same id (an import keeps ids; see ids.ts). */
export function diffAgendas(before: Agenda | undefined, after: Agenda): AgendaDiff {
  const old = new Map((before?.sessions ?? []).map((s) => [s.id, s]));
  const diff: AgendaDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  for (const s of after.sessions) {
    const was = old.get(s.id);
    old.delete(s.id);
    if (!was) diff.added.push(refOf(s));
    else {
      const fields = changedFields(was, s);
      if (fields.length === 0) diff.unchanged++;
      else diff.changed.push({ ...refOf(s), fields, ...(fields.includes('time') ? { was: whenOf(was) } : {}) });
    }
  }
  diff.removed = [...old.values()].map(refOf);
  return diff;
}
