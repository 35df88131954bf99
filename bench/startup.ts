// Start and memory: from spawning the server (`npm start` itself, the compiled build/src/main.js, or `node --import tsx
// src/main.ts`; PORT=0, a temp DATA_DIR) until
// GET /healthz answers, and its resident memory then (VmRSS, and the peak VmHWM, from /proc/<pid>/status), with
// an empty store and with a store file of 50,000 registrations (platforms off, then Slack and Teams on); against a bare express server
// (bench/bare-server.ts). Contenders alternate; each is started once untimed first (tsx's compile cache).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STORE_FILE } from '../src/store/lowdb/index.js';
import { FakeSlack } from './fake-slack.js';
import { httpRequest, keepAlive } from './http.js';
import { alternate, now, summarize, type Table } from './stats.js';

export const STORE_RECORDS = 50_000;

/** The node flags of `npm start` (package.json), so the compiled contenders start exactly as it does. */
export const START_FLAGS = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** One registration, as the store keeps it: 50,000 of them is the aim's load. */
export function storeRecord(i: number): { key: 'registrations'; id: string; value: Record<string, unknown> } {
  const langs = ['en', 'fr', 'ar'] as const;
  const roles = ['policymaker', 'analyst', 'researcher', 'practitioner', 'other'];
  const institutions = ['ministry', 'agency', 'public', 'private', 'partner', 'other'];
  const regions = ['AFE', 'AFW', 'EAP', 'ECA', 'LAC', 'MENA', 'SAR'];
  const countries = ['MA', 'EG', 'SN', 'JO', 'TN', 'KE', 'BD', 'PK', 'BR', 'ID'];
  const id = `R${(0x2000000 + i).toString(32).toUpperCase().slice(-5)}`;
  const at = new Date(Date.UTC(2021, 3, 1) + i * 1000).toISOString();
  return {
    key: 'registrations',
    id,
    value: {
      id,
      email: `participant${i}@example.org`,
      name: `Participant ${i}`,
      organisation: `Ministry of Social Affairs ${i % 97}`,
      country: countries[i % countries.length],
      role: roles[i % roles.length],
      institution: institutions[i % institutions.length],
      region: regions[i % regions.length],
      interpretation: ['ar', 'fr', 'none'][i % 3],
      consentAt: at,
      lang: langs[i % 3],
      status: i % 4 === 0 ? 'pending' : 'confirmed',
      invited: i % 4 !== 0,
      userIds: [i % 2 === 0 ? `slack:T1:U${i}` : `teams:29:${i}`],
      createdAt: at,
      updatedAt: at,
    },
  };
}

/** A store file (version 1) holding `count` records built by storeRecord. */
export function writeStore(dataDir: string, count: number): number {
  const data: Record<string, unknown> & { version: number; conversations: object } = { version: 1, users: {}, conversations: {} };
  for (let i = 0; i < count; i++) {
    const { key, id, value } = storeRecord(i);
    ((data[key] ??= {}) as Record<string, unknown>)[id] = value;
  }
  const file = join(dataDir, STORE_FILE);
  writeFileSync(file, JSON.stringify(data));
  return statSync(file).size;
}

interface Started {
  readyMs: number;
  rssMb: number;
  peakMb: number;
}

export function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Spawns, waits for the port in the logs, polls /healthz until 200, reads memory, stops it. */
async function startOnce(script: string, env: Record<string, string>, timeoutMs = 30_000): Promise<Started> {
  const t0 = now();
  const viaNpm = script === 'npm start';
  // `npm start` itself (its prestart checks the build is current) in its own process group, to stop it whole.
  const [command, args] = viaNpm ? ['npm', ['start', '--silent']] : [process.execPath, script.endsWith('.js') ? [...START_FLAGS, script] : ['--import', 'tsx', script]];
  const child = spawn(command as string, args as string[], {
    env: { ...process.env, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'info', CKEX_NOW: '2021-05-04T14:00:00Z', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: viaNpm,
  });
  let logs = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const agent = keepAlive(1);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${script} did not start in ${timeoutMs} ms:\n${logs.slice(-2000)}`)), timeoutMs);
      child.stderr!.on('data', (d) => {
        logs += d;
        const match = /"port":(\d+),"msg":"CKEx bot listening"/.exec(logs);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited with ${code}:\n${logs.slice(-2000)}`));
      });
    });
    for (;;) {
      const res = await httpRequest(agent, 'GET', `http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (res?.status === 200) break;
      if (now() - t0 > timeoutMs) throw new Error(`${script}: /healthz never answered 200`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const readyMs = now() - t0;
    const { rss, peak } = viaNpm ? { rss: Number.NaN, peak: Number.NaN } : memoryMb(child.pid!); // npm's own pid is not the server's
    return { readyMs, rssMb: rss, peakMb: peak };
  } finally {
    agent.destroy();
    const stop = (signal: NodeJS.Signals) => (viaNpm ? process.kill(-child.pid!, signal) : child.kill(signal));
    stop('SIGTERM');
    const timer = setTimeout(() => stop('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}

export async function benchStartup(rounds = 5): Promise<Table> {
  // What `npm start` runs: the compiled JavaScript, built once here (its prestart then finds it current).
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs']);
  const emptyDir = mkdtempSync(join(tmpdir(), 'ckex-bench-start-'));
  const fullDir = mkdtempSync(join(tmpdir(), 'ckex-bench-start-'));
  const storeBytes = writeStore(fullDir, STORE_RECORDS);
  const slack = await new FakeSlack().start(); // Slack's start-up calls auth.test
  const platforms = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: slack.apiUrl, MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'bench' };
  const contenders = {
    empty_store: () => startOnce('src/main.ts', { DATA_DIR: emptyDir }),
    store_50k: () => startOnce('src/main.ts', { DATA_DIR: fullDir }),
    compiled_50k: () => startOnce('build/src/main.js', { DATA_DIR: fullDir }),
    compiled_50k_slack_teams_on: () => startOnce('build/src/main.js', { DATA_DIR: fullDir, ...platforms }),
    npm_start_50k_slack_teams_on: () => startOnce('npm start', { DATA_DIR: fullDir, ...platforms }),
    bare_express: () => startOnce('bench/bare-server.ts', {}),
  };
  type Name = keyof typeof contenders;
  const names = Object.keys(contenders) as Name[];
  const runs = new Map<Name, Started[]>(names.map((n) => [n, []]));
  try {
    for (const name of names) await contenders[name](); // warm tsx's cache
    await alternate(names, rounds, async (name) => {
      runs.get(name)!.push(await contenders[name]());
    });
  } finally {
    await slack.close();
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(fullDir, { recursive: true, force: true });
  }
  const table: Table = {};
  for (const name of names) {
    const r = runs.get(name)!;
    const ready = summarize(r.map((x) => x.readyMs));
    table[name] = {
      ready_p50_ms: ready.p50,
      ready_max_ms: ready.max,
      rss_mb: summarize(r.map((x) => x.rssMb)).p50,
      peak_rss_mb: summarize(r.map((x) => x.peakMb)).max,
      starts: r.length,
    };
  }
  table.store_50k!.store_file_mb = storeBytes / 1024 / 1024;
  table.store_50k!.records = STORE_RECORDS;
  table.compiled_50k!.store_file_mb = storeBytes / 1024 / 1024;
  table.ratio_store_50k_vs_bare = { ready_p50: table.store_50k!.ready_p50_ms! / table.bare_express!.ready_p50_ms!, rss: table.store_50k!.rss_mb! / table.bare_express!.rss_mb! };
  return table;
}
