// Registrations as CSV (csv-stringify), for organisers: the organiser command and `npm run export`.
import { stringify } from 'csv-stringify/sync';
import type { Registration } from '../../store/schema.js';
import { countryName } from './countries.js';

export const CSV_COLUMNS = ['id', 'status', 'name', 'email', 'organisation', 'country', 'country_name', 'role', 'institution', 'region', 'nominated_by', 'interpretation', 'language', 'invited', 'created_at', 'updated_at'] as const;

/**
 * A cell a spreadsheet will show as text, never run as a formula (OWASP "CSV injection"): a value starting with
 * = + - @, a tab or a carriage return gets a leading apostrophe.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function registrationsCsv(registrations: Registration[]): string {
  const rows = [...registrations]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((r) => [r.id, r.status, r.name, r.email, r.organisation, r.country, countryName(r.country, 'en'), r.role, r.institution, r.region, r.nominatedBy ?? '', r.interpretation, r.lang, r.invited ? 'yes' : 'no', r.createdAt, r.updatedAt]);
  // A leading BOM so spreadsheet programs read Arabic and accented names as UTF-8.
  return `\ufeff${stringify([[...CSV_COLUMNS], ...rows.map((row) => row.map(safeCell))])}`;
}

/** Emails from a CSV or a list: any cell that looks like an email, lower-cased, once each. */
export function emailsIn(text: string): string[] {
  return [...new Set((text.match(/[^\s,;"'<>()]+@[^\s,;"'<>()]+\.[^\s,;"'<>()]+/g) ?? []).map((e) => e.toLowerCase()))];
}
