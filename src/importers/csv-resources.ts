// The resource library as a spreadsheet: one row an item (columns in the README); missing translations take the original's text.
import { RESOURCE_TYPES, TOPIC_IDS, type Localized, type Resource } from '../core/content/schema.js';
import { LANGS, type Lang } from '../core/lang.js';
import { listOf, readCsv, type CsvRow } from './csv-rows.js';
import { whyNotShown, type LeftOutLink } from './links.js';
import { normalise } from './place.js';
import { controlProblem, type Field } from './plain-fields.js';
import type { RowProblem } from './types.js';

export const RESOURCE_COLUMNS = ['id', 'type', 'date', 'original_language', 'title_en', 'title_fr', 'title_ar', 'summary_en', 'summary_fr', 'summary_ar', 'weeks', 'topics', 'countries', 'tags_en', 'tags_fr', 'tags_ar', 'url'] as const;

/** A CSV is a library when its header has a type column and summaries. */
export const isResourceHeader = (firstLine: string): boolean => {
  const cols = firstLine.toLowerCase().split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return cols.includes('type') && cols.some((c) => c.startsWith('summary'));
};

function localized(row: CsvRow, name: string, original: Lang): Localized | undefined {
  const given = Object.fromEntries(LANGS.map((l) => [l, row.get(`${name}_${l}`) ?? (l === original ? row.get(name) : undefined)]));
  const fallback = given[original] ?? LANGS.map((l) => given[l]).find(Boolean);
  if (!fallback) return undefined;
  return Object.fromEntries(LANGS.map((l) => [l, given[l] ?? fallback])) as Localized;
}

export function readResourceCsv(text: string): { resources: Resource[]; problems: RowProblem[]; leftOut: LeftOutLink[] } {
  const table = readCsv(text);
  if ('problem' in table) return { resources: [], problems: [table], leftOut: [] };
  const leftOut: LeftOutLink[] = [];
  const resources: Resource[] = [];
  const problems: RowProblem[] = [];
  for (const row of table.rows) {
    const bad = (problem: string, fix: string) => problems.push({ line: row.line, problem, fix });
    const original = (row.get('original_language') ?? 'en').toLowerCase() as Lang;
    if (!LANGS.includes(original)) { bad(`the original_language "${original}" is not en, fr or ar`, 'write en, fr or ar'); continue; }
    const type = row.get('type') as Resource['type'] | undefined;
    if (!type || !RESOURCE_TYPES.includes(type)) { bad(`the type "${type ?? ''}" is not a library type`, `write one of ${RESOURCE_TYPES.join(', ')}`); continue; }
    const date = row.get('date') ?? null;
    if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) { bad(`the date "${date}" is not a date`, 'write YYYY-MM-DD, or leave it empty'); continue; }
    const title = localized(row, 'title', original);
    if (!title) { bad('the row has no title', 'fill title_en, title_fr or title_ar'); continue; }
    const summary = localized(row, 'summary', original) ?? title;
    const tags = localized(row, 'tags', original);
    const control = controlProblem(row.line, [...Object.values(title).map((t): Field => ['title', t, false]), ...Object.values(tags ?? {}).map((t): Field => ['tag', t, false]), ...Object.values(summary).map((t): Field => ['summary', t, true])]);
    if (control) { problems.push(control); continue; }
    const weeks = listOf(row.get('weeks')).map(Number);
    if (weeks.length === 0 || weeks.some((w) => !Number.isInteger(w) || w < 1)) { bad(`the weeks "${row.get('weeks') ?? ''}" are not week numbers`, 'write one or more of 1;2;3;4'); continue; }
    const topics = listOf(row.get('topics')) as Resource['topics'];
    const wrongTopic = topics.find((t) => !TOPIC_IDS.includes(t));
    if (wrongTopic) { bad(`"${wrongTopic}" is not a special topic`, `use ${TOPIC_IDS.join(', ')}`); continue; }
    const countries = listOf(row.get('countries')).map((c) => c.toUpperCase());
    const id = row.get('id') ?? normalise(title[original]).split(' ').slice(0, 6).join('-');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) { bad(`no usable id ("${id}")`, 'fill the id column with lower-case letters, digits and hyphens, like ethiopia-brief'); continue; }
    // A url the bot cannot show (http://) is left out and listed; the item stays, without its Open button.
    const given = row.get('url');
    const why = given === undefined ? undefined : whyNotShown(given);
    if (why) leftOut.push({ line: row.line, kind: 'url', address: given!, why });
    const url = why ? undefined : given;
    resources.push({ id, type, date, originalLanguage: original, title, summary, weeks, topics, countries, tags: tags ?? { en: type, fr: type, ar: type }, ...(url ? { url } : {}) });
  }
  return { resources, problems, leftOut };
}
