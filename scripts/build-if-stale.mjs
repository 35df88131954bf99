// Compiles src/ and the operator scripts to build/ only when a source is newer than the last build, so `npm start`
// and the scripts start at once after the first time (tsc takes 15–35 s on two cores). Plain JavaScript: it must run
// before any build. An install without devDependencies (npm ci --omit=dev) has no compiler: it runs the build/ it
// was given, and says how to get one when there is none.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'build', '.built');
// What compiling needs that a production install leaves out (the type packages as well: without @types/pg tsc stops).
const COMPILER = ['typescript', '@types/node', '@types/pg', '@types/express', '@types/luxon'];

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

const force = process.argv.includes('--force');
const inputs = ['src', 'scripts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => join(root, p));
const sources = Math.max(...inputs.filter(existsSync).map(newest));
const built = existsSync(stamp);
if (!force && built && statSync(stamp).mtimeMs >= sources) process.exit(0);
const missing = COMPILER.filter((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
if (missing.length > 0) {
  if (built && !force) process.exit(0); // a production install (sources copied after the build): run the build it was shipped with
  console.error(
    `build/ ${built ? 'cannot be rebuilt' : 'is missing'}: compiling needs the devDependencies (${missing.join(', ')} not installed).\n` +
      'Run `npm ci && npm run build` (on this machine or a build machine), then `npm ci --omit=dev` where it runs, keeping build/.',
  );
  process.exit(1);
}
console.error('Compiling src/ to build/ (once; again only when a source changes)…');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
// tsc copies only what it compiles: the PostgreSQL store's SQL migrations go beside the compiled module that reads them.
cpSync(join(root, 'src', 'store', 'postgres', 'migrations'), join(root, 'build', 'src', 'store', 'postgres', 'migrations'), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
