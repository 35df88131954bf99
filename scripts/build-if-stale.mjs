// Compiles src/ to build/ only when a source is newer than the last build, so `npm start` starts the server at
// once after the first time (tsc takes 15–35 s on two cores). Plain JavaScript: it must run before any build.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'build', '.built');

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((p) => join(root, p));
const sources = Math.max(...inputs.filter(existsSync).map(newest));
if (!process.argv.includes('--force') && existsSync(stamp) && statSync(stamp).mtimeMs >= sources) process.exit(0);
console.error('Compiling src/ to build/ (once; again only when a source changes)…');
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
// tsc copies only what it compiles: the PostgreSQL store's SQL migrations go beside the compiled module that reads them.
cpSync(join(root, 'src', 'store', 'postgres', 'migrations'), join(root, 'build', 'store', 'postgres', 'migrations'), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
