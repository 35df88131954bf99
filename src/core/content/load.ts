// Reads and validates content/*.json. Any problem stops start-up with the file, the JSON path and the fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DateTime } from 'luxon';
import { isValidZone } from '../clock.js';
import { agendaSchema, eventSchema, librarySchema, type Agenda, type EventInfo, type Library } from './schema.js';

export interface Content {
  event: EventInfo;
  agenda: Agenda;
  library: Library;
}

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${file}: ${path || '(root)'}: ${problem}`);
    this.name = 'ContentError';
  }
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ContentError(file, '$', `cannot read this file as JSON (${(err as Error).message}); fix the syntax and start again`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ContentError(file, jsonPath(issue.path), issue.message);
  }
  return parsed.data;
}

/** Checks that tie the files together: dates inside the event, weeks that exist, unique ids. */
function crossCheck(dir: string, { event, agenda, library }: Content): void {
  const agendaFile = join(dir, 'agenda.json');
  const eventFile = join(dir, 'event.json');
  const zone = event.timeZone;
  if (!isValidZone(zone)) {
    throw new ContentError(eventFile, '$.timeZone', `unknown time zone "${zone}"; use an IANA name such as America/New_York`);
  }
  if (event.start > event.end) throw new ContentError(eventFile, '$.end', 'the event ends before it starts');
  const weekNumbers = new Set(event.weeks.map((w) => w.number));
  event.weeks.forEach((w, i) => {
    if (w.start > w.end || w.start < event.start || w.end > event.end) {
      throw new ContentError(eventFile, `$.weeks[${i}]`, `week ${w.number} must lie within ${event.start}..${event.end}`);
    }
  });
  const ids = new Set<string>();
  agenda.sessions.forEach((s, i) => {
    const at = `$.sessions[${i}]`;
    if (ids.has(s.id)) throw new ContentError(agendaFile, `${at}.id`, `duplicate session id "${s.id}"; ids must be unique`);
    ids.add(s.id);
    const week = event.weeks.find((w) => w.number === s.week);
    if (!week) throw new ContentError(agendaFile, `${at}.week`, `week ${s.week} is not in event.json`);
    if (s.date < week.start || s.date > week.end) {
      throw new ContentError(agendaFile, `${at}.date`, `${s.date} is not inside week ${s.week} (${week.start}..${week.end})`);
    }
    const day = DateTime.fromISO(s.date, { zone });
    if (!day.isValid || day.weekday > 5) throw new ContentError(agendaFile, `${at}.date`, `${s.date} is not a weekday`);
    if (s.start >= s.end) throw new ContentError(agendaFile, `${at}.end`, 'a session must end after it starts');
  });
  const resourceIds = new Set<string>();
  library.resources.forEach((r, i) => {
    const file = join(dir, 'resources.json');
    if (resourceIds.has(r.id)) throw new ContentError(file, `$.resources[${i}].id`, `duplicate resource id "${r.id}"`);
    resourceIds.add(r.id);
    const bad = r.weeks.find((w) => !weekNumbers.has(w));
    if (bad !== undefined) throw new ContentError(file, `$.resources[${i}].weeks`, `week ${bad} is not in event.json`);
  });
}

export function loadContent(dir: string): Content {
  const content: Content = {
    event: readJson(join(dir, 'event.json'), eventSchema),
    agenda: readJson(join(dir, 'agenda.json'), agendaSchema),
    library: readJson(join(dir, 'resources.json'), librarySchema),
  };
  crossCheck(dir, content);
  return content;
}
