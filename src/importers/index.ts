// `npm run import`: a frab/pretalx schedule (JSON or XML), a CSV or an iCalendar file becomes content/agenda.json
// (or a library CSV content/resources.json). Checked whole, written atomically, or not at all.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { agendaSchema, eventSchema, librarySchema, type Agenda, type Library } from '../core/content/schema.js';
import { nextAgenda } from './agenda.js';
import { readResourceCsv } from './csv-resources.js';
import { readSessionCsv } from './csv-sessions.js';
import { detectFormat, type Format } from './detect.js';
import type { AgendaDiff } from './diff.js';
import { readFrabJson } from './frab-json.js';
import { readFrabXml } from './frab-xml.js';
import { readIcal } from './ical.js';
import { sessionControlProblems } from './plain-fields.js';
import { readLimited } from './read-limited.js';
import { shiftSessions, shiftTargetProblem, type Shift } from './shift.js';
import type { ReadResult, RowProblem } from './types.js';
import { checkReplacement } from './validate.js';
import { writeAtomically } from './write.js';

export { problemText, type RowProblem } from './types.js';
export { diffAgendas, type AgendaDiff } from './diff.js';
export { formatReport, type ImportReport } from './report.js';
import type { ImportReport } from './report.js';
export type { Shift } from './shift.js';

export interface ImportOptions {
  contentDir: string;
  dryRun?: boolean;
  /** YYYY-MM-DD: move every session by whole days so that the file's first day falls on this weekday of the event. */
  shiftTo?: string;
}


const READERS: Record<Exclude<Format, 'csv-resources'>, (text: string, zone: string) => ReadResult> = {
  'frab-json': (t, zone) => readFrabJson(t, { zone }),
  'frab-xml': (t, zone) => readFrabXml(t, { zone }),
  ical: (t, zone) => readIcal(t, { zone }),
  'csv-sessions': (t) => readSessionCsv(t),
};

async function readJsonFile<T>(file: string, parse: (raw: unknown) => T): Promise<T | undefined> {
  try {
    return parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return undefined;
  }
}

async function importSessions(file: string, text: string, format: Exclude<Format, 'csv-resources'>, opts: ImportOptions, report: ImportReport): Promise<Agenda | undefined> {
  const event = eventSchema.parse(JSON.parse(await readFile(join(opts.contentDir, 'event.json'), 'utf8')));
  const previous = await readJsonFile(join(opts.contentDir, 'agenda.json'), (raw) => agendaSchema.parse(raw));
  let read = READERS[format](text, event.timeZone);
  read.problems.push(...sessionControlProblems(read.sessions));
  if (opts.shiftTo !== undefined) {
    const refused = shiftTargetProblem(opts.shiftTo, event);
    if (refused) {
      report.problems = [refused];
      return undefined;
    }
    const shifted = shiftSessions(read, opts.shiftTo);
    read = shifted.read;
    if (shifted.shift) report.shift = shifted.shift;
  }
  const outcome = nextAgenda(read, previous, event, basename(file));
  Object.assign(report, { problems: outcome.problems, sessions: outcome.diff, untranslated: outcome.untranslated, otherLanguage: outcome.otherLanguage, leftOutLinks: outcome.leftOutLinks, sampleCleared: outcome.sampleCleared });
  return outcome.agenda;
}

async function importLibrary(text: string, opts: ImportOptions, report: ImportReport): Promise<Library | undefined> {
  if (opts.shiftTo !== undefined) {
    report.problems = [{ line: 0, problem: '--shift-to moves sessions, and this is a library CSV', fix: 'import the library without --shift-to' }];
    return undefined;
  }
  const previous = await readJsonFile(join(opts.contentDir, 'resources.json'), (raw) => librarySchema.parse(raw));
  const { resources, problems, leftOut } = readResourceCsv(text);
  report.problems = problems;
  report.leftOutLinks = leftOut;
  if (problems.length > 0 || !previous) {
    if (!previous) problems.push({ line: 0, problem: 'content/resources.json cannot be read', fix: 'restore it first: the import keeps its "source" text' });
    return undefined;
  }
  const before = new Map(previous.resources.map((r) => [r.id, r]));
  const changed = resources.filter((r) => before.has(r.id) && JSON.stringify(before.get(r.id)) !== JSON.stringify(r));
  const ids = new Set(resources.map((r) => r.id));
  report.resources = {
    added: resources.filter((r) => !before.has(r.id)).map((r) => r.title[r.originalLanguage]),
    changed: changed.map((r) => r.title[r.originalLanguage]),
    removed: previous.resources.filter((r) => !ids.has(r.id)).map((r) => r.title[r.originalLanguage]),
    unchanged: resources.filter((r) => before.has(r.id)).length - changed.length,
  };
  return { source: previous.source, resources };
}

/** Reads `file`, builds the next agenda (or library), checks it as the bot would, and writes it unless told not to. */
export async function importFile(file: string, opts: ImportOptions): Promise<ImportReport> {
  const read = await readLimited(file);
  const text = 'text' in read ? read.text : '';
  const format = detectFormat(file, text);
  const targetName = format === 'csv-resources' ? 'resources.json' : 'agenda.json';
  const report: ImportReport = { file, format, target: join(opts.contentDir, targetName), written: false, dryRun: !!opts.dryRun, problems: [], untranslated: [], otherLanguage: [], leftOutLinks: [], sampleCleared: false };
  if ('problem' in read) return { ...report, problems: [read] };
  const data = format === 'csv-resources' ? await importLibrary(text, opts, report) : await importSessions(file, text, format, opts, report);
  if (!data || report.problems.length > 0) return report;
  const refused = await checkReplacement(opts.contentDir, targetName, data);
  if (refused) {
    const at = /^\$\.(sessions|resources)\[(\d+)\]/.exec(refused.path);
    const item = at ? (data as { sessions?: { id: string }[]; resources?: { id: string }[] })[at[1] as 'sessions']?.[Number(at[2])] : undefined;
    report.problems.push({ line: 0, problem: `${item ? `${item.id}: ` : ''}${refused.path}: ${refused.problem}`, fix: 'the bot would refuse this result; fix that item in the file' });
    return report;
  }
  if (!opts.dryRun) {
    await writeAtomically(report.target, data);
    report.written = true;
  }
  return report;
}
