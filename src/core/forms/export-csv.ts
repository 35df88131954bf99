// Registrations as CSV (csv-stringify), for organisers: the organiser command and `npm run export`.
import { stringify } from 'csv-stringify/sync';
import type { Registration } from '../store/records.js';
import { countryName } from './countries.js';

export const CSV_COLUMNS = ['id', 'status', 'name', 'email', 'organisation', 'country', 'country_name', 'role', 'institution', 'region', 'nominated_by', 'interpretation', 'language', 'invited', 'created_at', 'updated_at'] as const;

/**
 * A cell a spreadsheet will show as text, never run as a formula (OWASP "CSV injection"): a value starting with
 * = + - @, a tab or a carriage return gets a leading apostrophe.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const row = (r: Registration): string[] =>
  [r.id, r.status, r.name, r.email, r.organisation, r.country, countryName(r.country, 'en'), r.role, r.institution, r.region, r.nominatedBy ?? '', r.interpretation, r.lang, r.invited ? 'yes' : 'no', r.createdAt, r.updatedAt].map(safeCell);

// A leading BOM so spreadsheet programs read Arabic and accented names as UTF-8.
const HEADER = `\ufeff${stringify([[...CSV_COLUMNS]])}`;

export function registrationsCsv(registrations: Registration[]): string {
  const sorted = [...registrations].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return HEADER + stringify(sorted.map(row));
}

/** The same CSV from the store's pages (already in export order), a chunk a page: written out as it is read. */
export async function* registrationsCsvChunks(pages: AsyncIterable<Registration[]>): AsyncIterable<string> {
  yield HEADER;
  for await (const page of pages) yield stringify(page.map(row));
}

/** The whole CSV at once (the console's file, `npm run export`), still read a page at a time. */
export async function registrationsCsvFromPages(pages: AsyncIterable<Registration[]>): Promise<{ csv: string; count: number }> {
  let count = 0;
  async function* counted(): AsyncIterable<Registration[]> {
    for await (const page of pages) {
      count += page.length;
      yield page;
    }
  }
  const chunks: string[] = [];
  for await (const chunk of registrationsCsvChunks(counted())) chunks.push(chunk);
  return { csv: chunks.join(''), count };
}

/** The entries of a typed list ("a@x.org, bob, c@y") that are not emails, as typed, once each. */
export function notEmailsIn(text: string): string[] {
  const entries = text.split(/[\s,;]+/).map((e) => e.replace(/^["'<(]+|[>)"'.]+$/g, '')).filter(Boolean);
  return [...new Set(entries.filter((e) => emailsIn(e).length === 0))];
}

/** The longest email there is (RFC 5321's path limit). */
const MAX_EMAIL = 254;
/** One @, something before it, a dot after it with something on each side. */
const EMAIL_CELL = /^[^@]+@[^@]+\.[^@.]+$/;

/** Emails from a CSV or a list: any cell that looks like an email, lower-cased, once each. */
export function emailsIn(text: string): string[] {
  // Cells first, then one anchored test per cell: linear however many @ a line holds (a pattern over the whole text
  // backtracked cubically on a run of @).
  const cells = text.split(/[\s,;"'<>()]+/).map((cell) => cell.replace(/\.+$/, '')).filter((cell) => cell.length <= MAX_EMAIL && EMAIL_CELL.test(cell));
  return [...new Set(cells.map((e) => e.toLowerCase()))];
}
