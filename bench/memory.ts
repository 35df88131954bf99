// Memory as registrations grow: the compiled server (build/src/main.js with npm start's node flags, as bench/startup.ts
// starts it; Slack on against a fake Web API, Teams off) on a store holding 0, 10,000 and 50,000 registrations,
// lowdb (a store file written by writeStore) and PostgreSQL (a database filled with the very same records by
// fillRegistrations: one INSERT … SELECT over generate_series). Resident memory (VmRSS) once /healthz answers, then
// after an organiser's signed /ckex today and /ckex registrations (the count must be right), then after /ckex export
// and its download link fetched (the CSV must hold every registration), and the peak (VmHWM) over the whole run.
// Contenders alternate, rounds apart; medians of the rounds (the peak: the largest).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeSlack } from './fake-slack.js';
import { httpRequest, keepAlive } from './http.js';
import { benchPostgres, fillRegistrations } from './pg.js';
import { slashCommandRequest, SIGNING_SECRET } from './slack-sign.js';
import { spawnCompiled } from './spawn.js';
import { memoryMb, writeStore } from './startup.js';
import { alternate, machineLoad, median, now, summarize, type Table } from './stats.js';

const SIZES = [0, 10_000, 50_000] as const;
const ROUNDS = 3;
const ORGANISER = 'UORG';

interface Run {
  readyMs: number;
  rssStartMb: number;
  /** After today and registrations (counted where the store keeps them). */
  rssStatsMb: number;
  rssAfterMb: number;
  peakMb: number;
  registrationsMs: number;
  exportMs: number;
  csvRows: number;
  csvBytes: number;
}

let commandCounter = 0;

/** One /ckex command from the organiser: the answer carried by the ack, else the one posted to response_url. */
async function command(agent: ReturnType<typeof keepAlive>, port: number, slack: FakeSlack, text: string): Promise<{ ms: number; answer: string }> {
  const id = `mem${++commandCounter}`;
  const { headers, body } = slashCommandRequest(text, `${slack.url}/respond/${id}`, ORGANISER);
  const t0 = now();
  const res = await httpRequest(agent, 'POST', `http://127.0.0.1:${port}/slack/events`, headers, body, 30_000);
  if (res.status !== 200) throw new Error(`/ckex ${text}: HTTP ${res.status} ${res.body.slice(0, 200)}`);
  if (res.body.startsWith('{')) return { ms: now() - t0, answer: res.body };
  await slack.respondedAt(id, 30_000);
  return { ms: now() - t0, answer: slack.responses.get(id) ?? '' };
}

async function startAndAsk(env: Record<string, string>, slack: FakeSlack, registrations: number): Promise<Run> {
  const t0 = now();
  const server = await spawnCompiled({
    CKEX_NOW: '2021-05-04T14:00:00Z',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    CKEX_ADMINS: ORGANISER,
    PUBLIC_URL: 'https://ckex.example.org', // export answers with a download link; fetched here by its path
    ...env,
  });
  const { port } = server;
  const pid = server.pid;
  const agent = keepAlive(1);
  try {
    for (;;) {
      const res = await httpRequest(agent, 'GET', `http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      if (res?.status === 200) break;
      if (now() - t0 > 60_000) throw new Error('/healthz never answered 200');
      await new Promise((r) => setTimeout(r, 5));
    }
    const readyMs = now() - t0;
    const rssStartMb = memoryMb(pid).rss;

    await command(agent, port, slack, 'today');
    const stats = await command(agent, port, slack, 'registrations');
    if (!stats.answer.includes(`"${registrations} registration`)) throw new Error(`/ckex registrations does not count ${registrations}: ${stats.answer.slice(0, 400)}`);
    const rssStatsMb = memoryMb(pid).rss;
    const exported = await command(agent, port, slack, 'export');
    const link = /\/files\/[A-Za-z0-9_-]+\/[^"\\\s]+/.exec(exported.answer)?.[0];
    if (!link) throw new Error(`/ckex export gave no download link: ${exported.answer.slice(0, 400)}`);
    const csv = await httpRequest(agent, 'GET', `http://127.0.0.1:${port}${link}`, {}, undefined, 30_000);
    if (csv.status !== 200) throw new Error(`the export link answered ${csv.status}`);
    const csvRows = csv.body.split('\n').filter((line) => line.trim() !== '').length - 1; // less the header
    if (csvRows !== registrations) throw new Error(`the export holds ${csvRows} registrations, not ${registrations}`);
    const { rss, peak } = memoryMb(pid);
    return { readyMs, rssStartMb, rssStatsMb, rssAfterMb: rss, peakMb: peak, registrationsMs: stats.ms, exportMs: exported.ms, csvRows, csvBytes: Buffer.byteLength(csv.body) };
  } finally {
    agent.destroy();
    await server.stop();
  }
}

const label = (n: number): string => (n === 0 ? '0' : `${n / 1000}k`);

export async function benchMemory(rounds = ROUNDS): Promise<Table> {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs']); // the compiled server, current with src/
  const slack = await new FakeSlack().start();
  const postgres = await benchPostgres();
  console.error(`memory: PostgreSQL is ${postgres.where}`);
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ckex-bench-mem-'));
    dirs.push(dir);
    return dir;
  };
  try {
    const contenders: Record<string, { env: Record<string, string>; count: number }> = {};
    for (const count of SIZES) {
      const dir = tempDir();
      if (count > 0) writeStore(dir, count);
      contenders[`lowdb_${label(count)}`] = { env: { DATA_DIR: dir }, count };
    }
    for (const count of SIZES) {
      const url = await postgres.database();
      await fillRegistrations(url, count);
      contenders[`postgres_${label(count)}`] = { env: { DATA_DIR: tempDir(), DATABASE_URL: url }, count };
    }
    const names = Object.keys(contenders);
    const runs = new Map<string, Run[]>(names.map((n) => [n, []]));
    await alternate(names, rounds, async (name) => {
      const c = contenders[name]!;
      runs.get(name)!.push(await startAndAsk(c.env, slack, c.count));
    });
    const table: Table = {};
    const p50 = median;
    for (const name of names) {
      const r = runs.get(name)!;
      table[name] = {
        registrations: contenders[name]!.count,
        rss_after_start_mb: p50(r.map((x) => x.rssStartMb)),
        rss_after_registrations_cmd_mb: p50(r.map((x) => x.rssStatsMb)),
        rss_after_export_mb: p50(r.map((x) => x.rssAfterMb)),
        peak_rss_mb: summarize(r.map((x) => x.peakMb)).max,
        ready_ms: p50(r.map((x) => x.readyMs)),
        registrations_cmd_ms: p50(r.map((x) => x.registrationsMs)),
        export_cmd_ms: p50(r.map((x) => x.exportMs)),
        csv_rows: r[0]!.csvRows,
        csv_mb: r[0]!.csvBytes / 1024 / 1024,
        starts: r.length,
      };
    }
    const growth = (store: string, col: string) => table[`${store}_50k`]![col]! - table[`${store}_0`]![col]!;
    table.growth_0_to_50k_mb = {
      lowdb_after_start: growth('lowdb', 'rss_after_start_mb'),
      postgres_after_start: growth('postgres', 'rss_after_start_mb'),
      lowdb_after_registrations_cmd: growth('lowdb', 'rss_after_registrations_cmd_mb'),
      postgres_after_registrations_cmd: growth('postgres', 'rss_after_registrations_cmd_mb'),
      lowdb_after_export: growth('lowdb', 'rss_after_export_mb'),
      postgres_after_export: growth('postgres', 'rss_after_export_mb'),
      lowdb_peak: growth('lowdb', 'peak_rss_mb'),
      postgres_peak: growth('postgres', 'peak_rss_mb'),
    };
    table.postgres_server = { throwaway_cluster: postgres.throwaway ? 1 : 0, ...(await postgres.durability()) };
    table.machine = machineLoad();
    return table;
  } finally {
    await slack.close();
    await postgres.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
