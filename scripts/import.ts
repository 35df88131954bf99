// npm run import -- FILE [--dry-run] [--content DIR]: a schedule, CSV or iCalendar file becomes the agenda (see README).
import { resolve } from 'node:path';
import { formatReport, importFile } from '../src/importers/index.js';

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const at = args.indexOf('--content');
const contentDir = resolve(at >= 0 ? args[at + 1] ?? 'content' : process.env.CONTENT_DIR ?? 'content');
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--content');
if (!file) {
  console.error('usage: npm run import -- FILE [--dry-run] [--content DIR]\nFILE: a pretalx/frab schedule (.json, .xml), a CSV (sessions or library) or an iCalendar file (.ics)');
  process.exit(2);
}
try {
  const report = await importFile(resolve(file), { contentDir, dryRun });
  console.log(formatReport(report));
  process.exit(report.problems.length > 0 ? 1 : 0);
} catch (err) {
  console.error(`import failed: ${(err as Error).message}`);
  process.exit(1);
}
