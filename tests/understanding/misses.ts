// How a reply falls short of a table row: shared by the question table and the held-out table.
import type { Seen } from './observe.js';
import type { Question } from './questions.js';

/** What is wrong with an answer, or nothing. */
export function misses(row: Question, seen: Seen): string[] {
  const out: string[] = [];
  if (seen.lang !== (row.answers ?? row.lang)) out.push(`answered in ${seen.lang}`);
  if (row.day && seen.day !== row.day) out.push(`day ${seen.day ?? 'none'}`);
  if (row.week && seen.week !== row.week) out.push(`week ${seen.week ?? 'none'}`);
  if (row.session && seen.session !== row.session) out.push(`session ${seen.session ?? 'none'}`);
  if (row.sessions && (!row.sessions.every((id) => seen.sessions.includes(id)) || !row.sessions.includes(seen.sessions[0] ?? ''))) out.push(`sessions ${seen.sessions.join(',') || 'none'}`);
  if (row.items && !row.items.every((id) => seen.items.includes(id))) out.push(`items ${seen.items.join(',') || 'none'}`);
  if (row.action && !seen.actions.includes(row.action)) out.push(`actions ${seen.actions.join(',') || 'none'}`);
  return out;
}
