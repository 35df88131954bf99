// Registrations as CSV (csv-stringify), for organisers: the organiser command and `npm run export`.
import { stringify } from 'csv-stringify/sync';
import type { Registration } from '../store/records.js';
import { countryName } from './countries.js';

export const CSV_COLUMNS = ['id', 'status', 'name', 'email', 'organisation', 'country', 'country_name', 'role', 'institution', 'region', 'nominated_by', 'interpretation', 'language', 'invited', 'created_at', 'updated_at'] as const;

/** What starts a formula: = + - @, and their fullwidth and small forms, which spreadsheets read the same way. */
const FORMULA = '=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE62\\uFE63\\uFE66\\uFE6B';
/** What a spreadsheet may pass over before it: spaces, invisible and format characters (U+200B, U+FEFF, U+2060, bidi controls), controls, a quote. */
const SKIPPED = '\\s\\p{Cf}\\p{Cc}"';
/**
 * A formula start where a spreadsheet may see a cell begin: at the start of the value, or after any separator some
 * locale uses (a French or German Excel splits on ";", others on "," or tab) or a line break, with only what it
 * passes over between. The apostrophe goes right before the formula start, so no split can part them.
 */
const FORMULA_AT = new RegExp(`(^|[;,\\t\\r\\n])([${SKIPPED}]*)(?=[${FORMULA}])`, 'gu');

/**
 * A cell a spreadsheet will show as text, never run as a formula (OWASP "CSV injection"): `=1` becomes `'=1`,
 * `x;=1+2` becomes `x;'=1+2`, and a value starting with a tab or a carriage return gets a leading apostrophe.
 */
export function safeCell(value: string): string {
  const safe = value.replace(FORMULA_AT, "$1$2'");
  return /^[\t\r]/.test(safe) ? `'${safe}` : safe;
}

/** Quoted whenever a cell holds a separator of any locale, a quote or a line break (csv-stringify alone leaves ";" and tab bare). */
const stringifyRows = (rows: string[][]): string => stringify(rows, { quoted_match: /[;,\t"\r\n]/ });

const row = (r: Registration): string[] =>
  [r.id, r.status, r.name, r.email, r.organisation, r.country, countryName(r.country, 'en'), r.role, r.institution, r.region, r.nominatedBy ?? '', r.interpretation, r.lang, r.invited ? 'yes' : 'no', r.createdAt, r.updatedAt].map(safeCell);

// A leading BOM so spreadsheet programs read Arabic and accented names as UTF-8.
const HEADER = `\ufeff${stringifyRows([[...CSV_COLUMNS]])}`;

export function registrationsCsv(registrations: Registration[]): string {
  const sorted = [...registrations].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return HEADER + stringifyRows(sorted.map(row));
}

/** The same CSV from the store's pages (already in export order), a chunk a page: written out as it is read. */
export async function* registrationsCsvChunks(pages: AsyncIterable<Registration[]>): AsyncIterable<string> {
  yield HEADER;
  for await (const page of pages) yield stringifyRows(page.map(row));
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
