// The documented production path, as an operator takes it: `npm run build` where the devDependencies are, then the
// project (with build/) in another folder, `npm ci --omit=dev` there (no tsx, no type packages), `npm start` and every
// operator script, compiled. Then `kill -TERM` of the npm process, as systemd, Docker and Kubernetes send it: the
// server goes with it, the port is free and the DATA_DIR lock released.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, renameSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll } from './helpers/poll.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHIPPED = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'src', 'scripts', 'content', 'locales', 'manifest'];
const SCRIPTS = ['chat', 'export', 'import', 'invites', 'nominations', 'check:content', 'migrate-store', 'package:teams'];
const INSTALL_MS = 300_000;

let dir: string;

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * npm in the shipped folder, as a child the test awaits: never spawnSync, whose minutes of npm ci on a loaded machine
 * would block the vitest worker until its reports to the runner time out.
 */
function npm(args: string[], env: Record<string, string> = {}, timeout = 60_000, input?: string): Promise<Ran> {
  const child = spawn('npm', args, { cwd: dir, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(input ?? '');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    }),
  );
}
const tempDir = () => mkdtempSync(join(tmpdir(), 'ckex-prod-data-'));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ckex-prod-'));
  for (const path of SHIPPED) cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  // The build, with the full install this checkout has (the devDependencies: TypeScript and the type packages).
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  const build = await npm(['run', 'build'], {}, 180_000);
  expect(build.status, build.stderr).toBe(0);
  unlinkSync(join(dir, 'node_modules'));
  // The install without devDependencies, from npm's cache when it has the packages (the registry otherwise).
  const install = await npm(['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {}, 240_000);
  expect(install.status, install.stderr).toBe(0);
}, INSTALL_MS);

afterAll(() => rm(dir, { recursive: true, force: true }), 120_000);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('a production install (npm run build, then npm ci --omit=dev)', () => {
  it('has neither tsx nor the type packages, so what runs is build/', () => {
    expect(existsSync(join(dir, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules', '@types', 'pg'))).toBe(false);
    expect(existsSync(join(dir, 'build', 'src', 'main.js'))).toBe(true);
  });

  it('npm start serves /healthz; SIGTERM to the npm process stops the server: the port is free, the lock released', async () => {
    const dataDir = tempDir();
    const child = spawn('npm', ['start'], { cwd: dir, env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let logs = '';
    child.stdout.on('data', (d) => (logs += d));
    child.stderr.on('data', (d) => (logs += d));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const port = Number(await poll(() => /"port":(\d+),"msg":"CKEx bot listening"/.exec(logs)?.[1], () => `npm start to listen:\n${logs}`, 30_000));
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { ok: boolean }).ok).toBe(true);
    expect(existsSync(join(dataDir, 'ckex.lock'))).toBe(true);
    child.kill('SIGTERM'); // the npm process, not the server
    await exited;
    await poll(() => (logs.includes('"msg":"stopping"') ? true : undefined), () => `the server to stop:\n${logs}`);
    await poll(() => (existsSync(join(dataDir, 'ckex.lock')) ? undefined : true), () => 'the lock to be released');
    expect(await portIsFree(port)).toBe(true);
  }, 60_000);

  it('every operator script answers --help with its usage and exit 0, and refuses an unknown flag with it', async () => {
    for (const script of SCRIPTS) {
      const help = await npm(['run', '-s', script, '--', '--help']);
      expect(help.status, `${script} --help: ${help.stderr}`).toBe(0);
      expect(help.stdout).toContain('usage:');
      const odd = await npm(['run', '-s', script, '--', '--no-such-flag']);
      expect(odd.status, `${script} --no-such-flag`).toBe(2);
      expect(odd.stderr).toContain('usage:');
    }
  }, 240_000);

  it('the compiled scripts do their work: content checked, an agenda imported (dry run), invites and nominations added, registrations exported, the Teams package written', async () => {
    const dataDir = tempDir();
    const check = await npm(['run', '-s', 'check:content']);
    expect(check.stdout).toContain('content OK: ');
    const imported = await npm(['run', '-s', 'import', '--', join(ROOT, 'tests', 'importers', 'fixtures', 'schedule.json'), '--dry-run', '--content', join(dir, 'content')]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Dry run: ');
    const csv = join(dataDir, 'invited.csv');
    writeFileSync(csv, 'email\namina@example.org\n');
    const invites = await npm(['run', '-s', 'invites', '--', 'import', csv], { DATA_DIR: dataDir, CKEX_NOW: '2021-05-04T14:00:00Z' });
    expect(invites.stdout).toContain('1 emails read, 1 new');
    const nominated = join(dataDir, 'nominated.csv');
    writeFileSync(nominated, 'email,name\nomar@example.org,Omar Said\n');
    const nominations = await npm(['run', '-s', 'nominations', '--', 'import', nominated, '--focal-point', 'slack:T1:UFP'], { DATA_DIR: dataDir, CKEX_FOCAL_POINTS: 'UFP:MENA' });
    expect(nominations.stdout, nominations.stderr).toContain('1 rows read; 1 nominations recorded for MENA');
    const out = join(dataDir, 'registrations.csv');
    const exported = await npm(['run', '-s', 'export', '--', '--out', out], { DATA_DIR: dataDir });
    expect(exported.stderr).toContain(`0 registrations written to ${out}`);
    const teams = await npm(['run', '-s', 'package:teams', '--', '--out', join(dataDir, 'teams.zip')], { MicrosoftAppId: '12345678-abcd-4ef0-9876-0123456789ab' });
    expect(teams.stdout).toContain('Wrote the Teams app package');
    const chat = await npm(['run', '-s', 'chat'], { DATA_DIR: tempDir(), CKEX_NOW: '2021-05-04T14:00:00Z' }, 60_000, 'help\n');
    expect(chat.status, chat.stderr).toBe(0);
    expect(chat.stdout).toContain('today');
  }, 180_000);

  it('a missing path is named as missing', async () => {
    const content = await npm(['run', '-s', 'check:content', '--', join(dir, 'nowhere')]);
    expect(content.status).toBe(1);
    expect(content.stderr).toContain(`${join(dir, 'nowhere')}: no such content folder`);
    const invites = await npm(['run', '-s', 'invites', '--', 'import', join(dir, 'nowhere.csv')]);
    expect(invites.stderr).toContain(`${join(dir, 'nowhere.csv')}: no such file`);
    const nominations = await npm(['run', '-s', 'nominations', '--', 'import', join(dir, 'nowhere.csv'), '--focal-point', 'slack:T1:UFP']);
    expect(nominations.stderr).toContain(`${join(dir, 'nowhere.csv')}: no such file`);
    const imported = await npm(['run', '-s', 'import', '--', join(dir, 'nowhere.json')]);
    expect(imported.stderr).toContain(`${join(dir, 'nowhere.json')}: no such file`);
  }, 120_000);

  it('without build/ it says how to get one instead of failing in the compiler', async () => {
    renameSync(join(dir, 'build'), join(dir, 'build-shipped'));
    try {
      const start = await npm(['start']);
      expect(start.status).not.toBe(0);
      expect(start.stderr).toContain('build/ is missing: compiling needs the devDependencies');
      expect(start.stderr).toContain('npm ci && npm run build');
      expect(start.stderr).not.toContain('TS7016');
    } finally {
      renameSync(join(dir, 'build-shipped'), join(dir, 'build'));
    }
    expect(readFileSync(join(dir, 'build', '.built'), 'utf8')).toMatch(/^\d{4}-/);
  }, 60_000);
});
