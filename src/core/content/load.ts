// Reads and validates content/*.json. Any problem stops start-up with the file, the JSON path and the fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { DateTime } from 'luxon';
import { isValidZone } from '../clock.js';
import { COUNTRY_CODES } from '../forms/countries.js';
import type { Region } from '../choices.js';
import { RegionTable } from './regions.js';
import { faqProblem, faqSchema, type Faq } from './faq.js';
import { agendaSchema, countryRegionsSchema, eventSchema, librarySchema, type Agenda, type CountryRegions, type EventInfo, type Library } from './schema.js';

export interface Content {
  event: EventInfo;
  agenda: Agenda;
  library: Library;
  /** The event's own facts (event-faq.json): what people ask about the exchange itself. */
  faq: Faq;
  /** Each country's World Bank region (country-regions.json). */
  regions: RegionTable;
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

/** The operational regions each CLASS geographic region may give: Sub-Saharan Africa split in two on 1 July 2020. */
const REGIONS_OF_CLASS: Record<string, readonly Region[]> = { EAS: ['EAP'], ECS: ['ECA'], LCN: ['LAC'], MEA: ['MENA'], SAS: ['SAR'], SSF: ['AFE', 'AFW'], NAC: [] };

/** Checks that keep the region table honest: every country once, regions that agree with CLASS, exceptions explained. */
function checkRegions(file: string, data: CountryRegions): void {
  const seen = new Set<string>();
  const known = new Set(COUNTRY_CODES);
  data.countries.forEach((c, i) => {
    const at = `$.countries[${i}]`;
    if (seen.has(c.code)) throw new ContentError(file, `${at}.code`, `${c.code} is listed twice; keep one entry per country`);
    seen.add(c.code);
    if (!known.has(c.code)) throw new ContentError(file, `${at}.code`, `${c.code} is not an ISO 3166-1 alpha-2 code the form knows; remove it or fix the code`);
    if (c.lending && !c.region) throw new ContentError(file, `${at}.region`, `${c.code} has a lending category, so it belongs to a Bank region; set its region`);
    if (!c.region) return;
    const allowed = c.class ? REGIONS_OF_CLASS[c.class]! : [];
    if (!allowed.includes(c.region)) {
      const fix = allowed.length > 0 ? `use ${allowed.join(' or ')}` : 'use null (the form then asks which region)';
      throw new ContentError(file, `${at}.region`, `${c.region} does not agree with ${c.code}'s CLASS region ${c.class ?? '(none)'}; ${fix}`);
    }
    if (!c.lending && !c.note) throw new ContentError(file, `${at}.note`, `${c.code} has no lending category but a region: add a note saying which Bank programme covers it, or set its region to null`);
  });
  const missing = COUNTRY_CODES.filter((code) => !seen.has(code));
  if (missing.length > 0) throw new ContentError(file, '$.countries', `no entry for ${missing.join(', ')}: every country the form accepts needs one (region null if it has none)`);
}

export function loadContent(dir: string): Content {
  const regionsFile = join(dir, 'country-regions.json');
  const regions = readJson(regionsFile, countryRegionsSchema);
  checkRegions(regionsFile, regions);
  const content: Content = {
    event: readJson(join(dir, 'event.json'), eventSchema),
    agenda: readJson(join(dir, 'agenda.json'), agendaSchema),
    library: readJson(join(dir, 'resources.json'), librarySchema),
    faq: readJson(join(dir, 'event-faq.json'), faqSchema),
    regions: new RegionTable(regions),
  };
  crossCheck(dir, content);
  const faqIssue = faqProblem(content.faq);
  if (faqIssue) throw new ContentError(join(dir, 'event-faq.json'), faqIssue.path, faqIssue.problem);
  return content;
}
