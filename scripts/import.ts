// npm run import -- FILE [--dry-run] [--content DIR] [--shift-to YYYY-MM-DD]: a schedule, CSV or iCalendar file becomes the agenda (see README).
import { resolve } from 'node:path';
import { formatReport, importFile } from '../src/importers/index.js';

const USAGE =
  'usage: npm run import -- FILE [--dry-run] [--content DIR] [--shift-to YYYY-MM-DD]\n' +
  'FILE: a pretalx/frab schedule (.json, .xml), a CSV (sessions or library) or an iCalendar file (.ics)\n' +
  "--shift-to: move every session by whole days so that the file's first day falls on that weekday of the event";

const args = process.argv.slice(2);
const WITH_VALUE = new Set(['--content', '--shift-to']);
const valueOf = (flag: string): string | undefined => {
  const at = args.indexOf(flag);
  const value = at >= 0 ? args[at + 1] : undefined;
  return value?.startsWith('--') ? undefined : value;
};
const dryRun = args.includes('--dry-run');
const contentDir = resolve(valueOf('--content') ?? (args.includes('--content') ? 'content' : process.env.CONTENT_DIR ?? 'content'));
const shiftTo = args.includes('--shift-to') ? (valueOf('--shift-to') ?? '') : undefined;
const file = args.find((a, i) => !a.startsWith('--') && !WITH_VALUE.has(args[i - 1] ?? ''));
const unknown = args.filter((a) => a.startsWith('--') && a !== '--dry-run' && !WITH_VALUE.has(a));
if (!file || unknown.length > 0 || shiftTo === '') {
  console.error(`${unknown.length > 0 ? `unknown option ${unknown.join(', ')}\n` : shiftTo === '' ? '--shift-to needs a date, such as 2021-05-03\n' : ''}${USAGE}`);
  process.exit(2);
}
try {
  const report = await importFile(resolve(file), { contentDir, dryRun, ...(shiftTo !== undefined ? { shiftTo } : {}) });
  console.log(formatReport(report));
  process.exit(report.problems.length > 0 ? 1 : 0);
} catch (err) {
  console.error(`import failed: ${(err as Error).message}`);
  process.exit(1);
}
