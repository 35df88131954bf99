// Change notices as scheduled posts: after a reload (here, or followed from another instance), each person who
// starred a changed or removed session gets one message for all of them; each subscribed channel a line; the
// organisers' channel a summary. Every post is keyed by the two content versions, so whichever instances reload,
// each goes once; ten edits in one reload are one notice.
import { Agenda } from '../core/agenda.js';
import type { BotCore } from '../core/bot-core.js';
import type { AgendaChange } from '../core/content/swapped.js';
import { contentVersion } from '../core/content/version.js';
import { diffAgendas } from '../importers/diff.js';
import type { SessionChange, ChangeCounts } from '../views/change-notice.js';

export interface PlannedNotices {
  /** `<before>-><after>`: part of every key. */
  versions: string;
  counts: ChangeCounts;
  /** Per person, their starred sessions the reload changed or removed. */
  people: Map<string, SessionChange[]>;
}

export async function planNotices(core: BotCore, change: AgendaChange): Promise<PlannedNotices | undefined> {
  const { before, after } = change;
  // From the sample to a real agenda nothing is "changed": the sample was never anyone's programme.
  const diff = diffAgendas(before.agenda.sample ? undefined : before.agenda, after.agenda);
  const counts = { added: diff.added.length, changed: diff.changed.length, removed: diff.removed.length };
  if (counts.added + counts.changed + counts.removed === 0) return undefined;
  const was = new Agenda(before);
  const now = new Agenda(after);
  const changes = new Map<string, SessionChange>();
  for (const c of diff.changed) changes.set(c.id, { before: was.session(c.id)!, after: now.session(c.id)!, fields: c.fields });
  for (const r of before.agenda.sample ? [] : diff.removed) changes.set(r.id, { before: was.session(r.id)!, fields: [] });
  const people = new Map<string, SessionChange[]>();
  for (const { userId, sessionId } of await core.store.starrersOf([...changes.keys()])) {
    const mine = people.get(userId) ?? [];
    mine.push(changes.get(sessionId)!);
    people.set(userId, mine);
  }
  for (const mine of people.values()) mine.sort((a, b) => startOf(a) - startOf(b));
  return { versions: `${contentVersion(before)}->${contentVersion(after)}`, counts, people };
}

const startOf = (c: SessionChange): number => (c.after ?? c.before).start.toMillis();


