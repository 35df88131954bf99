// Registration burst: 5,000 complete, valid, distinct registrations submitted as signed Slack view_submission
// requests (the registration modal) at concurrency 50 to the real server, started in this process (PORT 0, temp
// DATA_DIR, Slack pointed at a fake Web API, NODE_ENV=production so Teams is off), on the lowdb store and on the
// PostgreSQL store (DATABASE_URL: a fresh database each round, on the server of bench/pg.ts), rounds alternated.
// The client and the fake run on a worker thread (bench/registration-worker.ts). A registration counts as confirmed
// when the answer is {"response_action":"update"}; after closing the server and the store, the store is reopened
// (from disk; from the database) and every confirmed one must be there. Aims: none lost, >= 500/s, mean
// completion time of the last 1,000 <= 1.5x the first. Memory after the burst, the server and store still open and
// after a full garbage collection: the process's RSS (it holds the load worker too) and the main thread's heap
// (the store's share: lowdb keeps every registration in it, PostgreSQL none).
// Also (where the time goes, lowdb): the store's write cycles (temp file, fsync, rename, fsync of the folder) timed
// by wrapping its private `replace`, JSON.stringify of the final store, and the main thread's event-loop use.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { boot } from '../src/app/boot.js';
import { readConfig } from '../src/core/config.js';
import { startServer } from '../src/server/index.js';
import { LowdbStore, STORE_FILE } from '../src/store/lowdb/index.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { benchPostgres, type BenchPostgres } from './pg.js';
import type { BurstRequest, BurstResult } from './registration-worker.js';
import { SIGNING_SECRET } from './slack-sign.js';
import { registrationEmail } from './slack-view.js';
import { alternate, machineLoad, median, now, type Table } from './stats.js';

const COUNT = 5000;
const CONCURRENCY = 50;
const DEADLINE_MS = 90_000; // stop starting requests after this, whatever the rate
const SLICE = 1000;
const ROUNDS = 2;
const STORES = ['lowdb', 'postgres'] as const;
type StoreKind = (typeof STORES)[number];

// A full collection before each memory reading, so the heap figure is what is still held, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const mb = (bytes: number): number => bytes / 1024 / 1024;

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

async function startWorker(): Promise<{ worker: Worker; slack: string }> {
  const script = new URL('./registration-worker.ts', import.meta.url).href;
  // Workers do not inherit tsx's loader: register it, then load the TypeScript module (as bench/load.ts does).
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`, { eval: true });
  const slack = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { type: string; slack: string }) => (m.type === 'ready' ? resolve(m.slack) : reject(new Error(`registration worker: ${m.type}`))));
  });
  return { worker, slack };
}

function runBurst(worker: Worker, req: BurstRequest): Promise<BurstResult> {
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { type: string; result: BurstResult }) => (m.type === 'result' ? resolve(m.result) : reject(new Error(`registration worker: ${m.type}`))));
    worker.postMessage(req);
  });
}

/** Times every write of the store file (its private `replace`: open, write, fsync, rename, fsync of the folder). */
function timeWrites(file: object): { at: number; ms: number; bytes: number }[] {
  const writes: { at: number; ms: number; bytes: number }[] = [];
  const target = file as { replace: (text: string) => Promise<void> };
  const original = target.replace.bind(file);
  target.replace = async (text: string) => {
    const t0 = now();
    await original(text);
    writes.push({ at: t0, ms: now() - t0, bytes: Buffer.byteLength(text) });
  };
  return writes;
}

interface Round {
  result: BurstResult;
  lost: number;
  stored: number;
  elu: number;
  rssBeforeMb: number;
  heapBeforeMb: number;
  rssAfterMb: number;
  heapAfterMb: number;
  /** lowdb only. */
  file?: { writes: number; bytes: number; stringifyMs: number; ioMsFirstThird: number; ioMsLastThird: number; kbFirstThird: number; kbLastThird: number };
}

async function burstOnce(worker: Worker, slack: string, store: StoreKind, postgres: BenchPostgres, count: number, concurrency: number): Promise<Round> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ckex-bench-reg-'));
  const url = store === 'postgres' ? await postgres.database() : undefined;
  const config = readConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    ...(url ? { DATABASE_URL: url } : {}),
    CKEX_NOW: '2021-04-20T14:00:00Z',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack}/api/`,
    NODE_ENV: 'production', // Teams off
  });
  const run = `${Date.now().toString(36)}${store[0]}`;
  try {
    const booted = await boot(config);
    const running = await startServer(booted, config);
    const lowdb = store === 'lowdb' ? (booted.store as LowdbStore) : undefined;
    const writes = lowdb ? timeWrites(lowdb.file) : [];
    let result: BurstResult;
    let elu: number;
    let file: Round['file'];
    gc();
    const before = process.memoryUsage();
    let after: NodeJS.MemoryUsage;
    try {
      const elu0 = performance.eventLoopUtilization();
      result = await runBurst(worker, { type: 'burst', url: `http://127.0.0.1:${running.port}/slack/events`, run, count, concurrency, deadlineMs: DEADLINE_MS });
      elu = performance.eventLoopUtilization(elu0).utilization;
      gc();
      after = process.memoryUsage();
      if (lowdb) {
        // What each write of the grown store costs in JSON.stringify alone (the adapter stringifies the whole store).
        const data = (lowdb as unknown as { db: { data: unknown } }).db.data;
        const t0 = now();
        for (let k = 0; k < 5; k++) JSON.stringify(data);
        const stringifyMs = (now() - t0) / 5;
        const cycleOf = (ws: typeof writes) => ({ ms: mean(ws.map((w) => w.ms)), kb: mean(ws.map((w) => w.bytes)) / 1024 });
        const third = Math.max(1, Math.floor(writes.length / 3));
        const early = cycleOf(writes.slice(0, third));
        const late = cycleOf(writes.slice(-third));
        file = { writes: lowdb.file.fileWrites, bytes: 0, stringifyMs, ioMsFirstThird: early.ms, ioMsLastThird: late.ms, kbFirstThird: early.kb, kbLastThird: late.kb };
      }
    } finally {
      await running.close();
      await booted.store.close();
    }
    if (result.firstError) console.error(`registrations (${store}): ${result.errors} errors, first: ${result.firstError}`);
    let lost: number;
    let stored: number;
    if (store === 'lowdb') {
      file!.bytes = statSync(join(dataDir, STORE_FILE)).size;
      const reopened = await LowdbStore.open(dataDir, { personalPosts });
      try {
        const found = await Promise.all(result.confirmed.map((i) => reopened.registrationByEmail(registrationEmail(run, i))));
        lost = found.filter((r) => !r).length;
        stored = (await reopened.registrationCounts()).total;
      } finally {
        await reopened.close();
      }
    } else {
      const reopened = await PostgresStore.open(url!, { personalPosts });
      try {
        lost = 0;
        for (let k = 0; k < result.confirmed.length; k += 50) {
          const found = await Promise.all(result.confirmed.slice(k, k + 50).map((i) => reopened.registrationByEmail(registrationEmail(run, i))));
          lost += found.filter((r) => !r).length;
        }
        stored = (await reopened.registrationCounts()).total;
      } finally {
        await reopened.close();
      }
    }
    return { result, lost, stored, elu, rssBeforeMb: mb(before.rss), heapBeforeMb: mb(before.heapUsed), rssAfterMb: mb(after.rss), heapAfterMb: mb(after.heapUsed), ...(file ? { file } : {}) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchRegistrations(count = COUNT, concurrency = CONCURRENCY, rounds = ROUNDS): Promise<Table> {
  const { worker, slack } = await startWorker();
  const postgres = await benchPostgres();
  console.error(`registrations: PostgreSQL is ${postgres.where}`);
  const rounds_: Record<StoreKind, Round[]> = { lowdb: [], postgres: [] };
  try {
    await alternate(STORES, rounds, async (store) => {
      rounds_[store].push(await burstOnce(worker, slack, store, postgres, count, concurrency));
    });
    const p50 = median;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const table: Table = {};
    for (const store of STORES) {
      const rs = rounds_[store];
      const perSecond = rs.map((r) => (r.result.confirmed.length / r.result.wallMs) * 1000);
      const done = (r: Round, from: number, to: number) => r.result.latencies.slice(from, to).filter((ms) => ms >= 0);
      const ratios = rs.map((r) => mean(done(r, count - SLICE, count)) / mean(done(r, 0, SLICE)));
      table[store] = {
        rounds: rs.length,
        registrations_per_round: count,
        per_second: p50(perSecond),
        per_second_min: Math.min(...perSecond),
        wall_s: p50(rs.map((r) => r.result.wallMs / 1000)),
        confirmed: sum(rs.map((r) => r.result.confirmed.length)),
        lost: sum(rs.map((r) => r.lost)),
        stored_after_reopen: sum(rs.map((r) => r.stored)),
        errors: sum(rs.map((r) => r.result.errors)),
        completion_first_1000_ms: p50(rs.map((r) => mean(done(r, 0, SLICE)))),
        completion_last_1000_ms: p50(rs.map((r) => mean(done(r, count - SLICE, count)))),
        ratio_last_first: p50(ratios),
        rss_after_mb: p50(rs.map((r) => r.rssAfterMb)),
        heap_after_mb: p50(rs.map((r) => r.heapAfterMb)),
        heap_growth_mb: p50(rs.map((r) => r.heapAfterMb - r.heapBeforeMb)),
        main_thread_busy: p50(rs.map((r) => r.elu)),
      };
    }
    table.postgres_vs_lowdb = { per_second: table.postgres!.per_second! / table.lowdb!.per_second!, heap_growth: table.postgres!.heap_growth_mb! / table.lowdb!.heap_growth_mb! };
    const files = rounds_.lowdb.map((r) => r.file!);
    table.lowdb_where_time_goes = {
      file_writes: p50(files.map((f) => f.writes)),
      regs_per_write: p50(rounds_.lowdb.map((r) => r.result.confirmed.length / Math.max(1, r.file!.writes))),
      file_bytes: p50(files.map((f) => f.bytes)),
      write_io_ms_first_third: p50(files.map((f) => f.ioMsFirstThird)),
      write_io_ms_last_third: p50(files.map((f) => f.ioMsLastThird)),
      write_kb_first_third: p50(files.map((f) => f.kbFirstThird)),
      write_kb_last_third: p50(files.map((f) => f.kbLastThird)),
      stringify_ms_final_store: p50(files.map((f) => f.stringifyMs)),
    };
    table.postgres_server = { throwaway_cluster: postgres.throwaway ? 1 : 0, ...(await postgres.durability()) };
    table.machine = machineLoad();
    return table;
  } finally {
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ type: 'close' });
    });
    await postgres.close();
  }
}
