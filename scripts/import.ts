// npm run import -- FILE [--dry-run] [--content DIR] [--shift-to YYYY-MM-DD]: a schedule, CSV or iCalendar file becomes the agenda (see README).
// The import runs in a child process with a heap limit, stopped at a deadline: whatever a file makes a reader do
// after every check (size, time-zone rules, control characters), it is refused, never left running.
import { spawn } from 'node:child_process';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mustExist } from './cli.js';

const USAGE =
  'usage: npm run import -- FILE [--dry-run] [--content DIR] [--shift-to YYYY-MM-DD]\n' +
  'FILE: a pretalx/frab schedule (.json, .xml), a CSV (sessions or library) or an iCalendar file (.ics)\n' +
  "--shift-to: move every session by whole days so that the file's first day falls on that weekday of the event";
/** A real agenda imports in a second or two; a 5 MB file of sessions in under ten. */
const DEFAULT_SECONDS = 60;
const HEAP_MB = 1024;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
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
mustExist(file, 'file');
if (args.includes('--content')) mustExist(contentDir, 'content folder');
const seconds = Number(process.env.CKEX_IMPORT_TIMEOUT_SECONDS) > 0 ? Number(process.env.CKEX_IMPORT_TIMEOUT_SECONDS) : DEFAULT_SECONDS;

const job = JSON.stringify({ file: resolve(file), contentDir, dryRun, ...(shiftTo !== undefined ? { shiftTo } : {}) });
// The same loader flags and file type as this process (tsx and import-run.ts, or compiled import-run.js), so the
// child runs what this one runs.
const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${HEAP_MB}`, fileURLToPath(new URL(`./import-run${extname(fileURLToPath(import.meta.url))}`, import.meta.url)), job], { stdio: ['ignore', 'inherit', 'pipe'] });
// Its error output is passed on when it ends by itself, not V8's dump when it runs out of memory (kept short either way).
let errors = '';
child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
  if (errors.length < 64 * 1024) errors += chunk;
});
let late = false;
const timer = setTimeout(() => {
  late = true;
  child.kill('SIGKILL');
}, seconds * 1000);
// Stopped itself (Ctrl-C, a supervisor's timeout): the child goes too, rather than run on alone without a deadline.
for (const stop of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(stop, () => {
    child.kill('SIGKILL');
    process.exit(1);
  });
}
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  const refused = (why: string, fix: string) => {
    console.error(`import failed: ${file}: ${why}; nothing was written. ${fix}`);
    process.exit(1);
  };
  if (late) refused(`reading it took more than ${seconds} s, and it was stopped`, "Export this event's sessions alone and import again; CKEX_IMPORT_TIMEOUT_SECONDS gives a slow machine more time.");
  if (signal === 'SIGABRT' || signal === 'SIGKILL') refused(`reading it needed more than ${HEAP_MB} MB of memory, and it was stopped`, "Export this event's sessions alone and import again.");
  process.stderr.write(errors);
  process.exit(code ?? 1);
});
