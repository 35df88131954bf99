// The agenda as a spreadsheet: one row a session, the columns documented in the README ("Importing an agenda").
import { LINK_KINDS, type SessionLinks } from '../core/content/schema.js';
import { LANGS, type Lang } from '../core/lang.js';
import { listOf, readCsv, type CsvRow } from './csv-rows.js';
import { showable, type LeftOutLink } from './links.js';
import type { ReadResult, RowProblem, SourceSession } from './types.js';

export const SESSION_COLUMNS = ['key', 'date', 'start', 'end', 'week', 'topic', 'language', 'title_en', 'title_fr', 'title_ar', 'description_en', 'description_fr', 'description_ar', 'speakers', 'speakers_fr', 'speakers_ar', 'page_url', 'join_url', 'materials_url', 'recording_url'] as const;

const pad = (time: string | undefined) => (time && /^\d:\d\d$/.test(time) ? `0${time}` : time);

function perLanguage(row: CsvRow, name: string): Partial<Record<Lang, string>> {
  const out: Partial<Record<Lang, string>> = {};
  for (const l of LANGS) {
    const v = row.get(`${name}_${l}`) ?? (l === (row.get('language') ?? 'en') ? row.get(name) : undefined);
    if (v) out[l] = v;
  }
  return out;
}

/** Speakers by position: "speakers" (or speakers_en) names them; speakers_fr and speakers_ar translate roles. */
function speakersOf(row: CsvRow): Partial<Record<Lang, string>>[] {
  const base = listOf(row.get('speakers') ?? row.get('speakers_en'));
  const fr = listOf(row.get('speakers_fr'));
  const ar = listOf(row.get('speakers_ar'));
  return base.map((en, i) => ({ en, fr: fr[i] ?? en, ar: ar[i] ?? en }));
}

/**
 * One address a column: page_url, join_url, materials_url, recording_url. The `links` column of earlier files
 * is still read when it holds one address, as the page.
 */
function linksOf(row: CsvRow): { links: SessionLinks; leftOut: LeftOutLink[] } | Omit<RowProblem, 'line'> {
  const links: SessionLinks = {};
  const old = row.get('links');
  if (old !== undefined) {
    const addresses = old.split(/[\s;]+/).filter(Boolean);
    if (addresses.length > 1) return { problem: `the links column holds ${addresses.length} addresses`, fix: 'put each in its own column: page_url, join_url, materials_url, recording_url' };
    links.page = addresses[0];
  }
  for (const kind of LINK_KINDS) {
    const address = row.get(`${kind}_url`);
    if (address !== undefined) links[kind] = address;
  }
  return showable(links, row.line);
}

export function readSessionCsv(text: string): ReadResult {
  const result: ReadResult = { format: 'CSV (sessions)', sessions: [], problems: [] };
  const table = readCsv(text);
  if ('problem' in table) return { ...result, problems: [table] };
  const hasTitle = table.columns.some((c) => c === 'title' || c.startsWith('title_'));
  const missing = ['date', 'start', 'end'].filter((c) => !table.columns.includes(c));
  if (!hasTitle || missing.length > 0) {
    const need = [...missing, ...(hasTitle ? [] : ['title_en (or title_fr, title_ar)'])];
    return { ...result, problems: [{ line: 1, problem: `the header has no ${need.join(', ')} column`, fix: `name the columns as the README says: ${SESSION_COLUMNS.join(',')}` }] };
  }
  for (const row of table.rows) {
    const bad = (problem: string, fix: string) => result.problems.push({ line: row.line, problem, fix });
    const date = row.get('date');
    const start = pad(row.get('start'));
    const end = pad(row.get('end'));
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      bad(`the date "${date ?? ''}" is not a date`, 'write it as YYYY-MM-DD, such as 2021-05-04');
      continue;
    }
    if (!start || !end || !/^\d\d:\d\d$/.test(start) || !/^\d\d:\d\d$/.test(end)) {
      bad(`the times "${start ?? ''}"–"${end ?? ''}" are not times`, 'write start and end as HH:MM (24-hour), in the event\'s time zone');
      continue;
    }
    const week = row.get('week');
    if (week !== undefined && !/^\d$/.test(week)) {
      bad(`the week "${week}" is not a week number`, 'write 1, 2, 3 or 4, or leave it empty');
      continue;
    }
    const found = linksOf(row);
    if ('problem' in found) {
      bad(found.problem, found.fix);
      continue;
    }
    const { links, leftOut } = found;
    const session: SourceSession = {
      line: row.line,
      ...(row.get('key') ? { key: `key:${row.get('key')}` } : {}),
      date,
      start,
      end,
      title: perLanguage(row, 'title'),
      description: perLanguage(row, 'description'),
      speakers: speakersOf(row),
      ...(row.get('language') ? { language: row.get('language')!.toLowerCase() } : {}),
      ...(row.get('topic') ?? row.get('track') ? { track: (row.get('topic') ?? row.get('track'))! } : {}),
      ...(week ? { week: Number(week) } : {}),
      links,
      ...(leftOut.length > 0 ? { leftOut } : {}),
    };
    if (Object.keys(session.title).length === 0) {
      bad('the row has no title', 'fill title_en, title_fr or title_ar');
      continue;
    }
    result.sessions.push(session);
  }
  return result;
}
