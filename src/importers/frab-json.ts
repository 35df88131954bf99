// The frab/pretalx schedule JSON: schedule.conference.days[].rooms{room: [events]}.
import { isValidZone } from '../core/clock.js';
import { declaredDay, frabSession, isProblem, type FrabEvent } from './frab-event.js';
import { lineCounter, type ReadOptions, type ReadResult } from './types.js';

interface FrabDay {
  date?: string;
  rooms?: Record<string, FrabEvent[]>;
}

export function readFrabJson(text: string, { zone }: ReadOptions): ReadResult {
  const result: ReadResult = { format: 'frab/pretalx schedule JSON', sessions: [], problems: [] };
  let doc: { schedule?: { conference?: { days?: FrabDay[]; time_zone_name?: unknown; start?: unknown } } };
  try {
    doc = JSON.parse(text);
  } catch (err) {
    result.problems.push({ line: 0, problem: `not JSON (${(err as Error).message})`, fix: 'export the schedule again, or fix the syntax' });
    return result;
  }
  const days = doc.schedule?.conference?.days;
  if (!Array.isArray(days)) {
    result.problems.push({ line: 0, problem: 'no schedule.conference.days in this JSON', fix: 'use the schedule export (schedule.json) of pretalx or frab' });
    return result;
  }
  const named = doc.schedule?.conference?.time_zone_name;
  const sourceZone = typeof named === 'string' && isValidZone(named) ? named : zone;
  const firstDay = declaredDay(doc.schedule?.conference?.start) ?? declaredDay(days[0]?.date);
  if (firstDay) result.firstDay = firstDay;
  let from = 0;
  const lineAt = lineCounter(text);
  for (const day of days) {
    for (const events of Object.values(day.rooms ?? {})) {
      for (const event of Array.isArray(events) ? events : []) {
        // The event's line: where its guid (or, failing that, its title) is written.
        const needle = typeof event.guid === 'string' ? JSON.stringify(event.guid) : typeof event.title === 'string' ? JSON.stringify(event.title) : undefined;
        const at = needle ? text.indexOf(needle, from) : -1;
        if (at >= 0) from = at + 1;
        const read = frabSession(event, at >= 0 ? lineAt(at) : 0, day.date, zone, sourceZone);
        if (isProblem(read)) result.problems.push(read);
        else result.sessions.push(read);
      }
    }
  }
  return result;
}
