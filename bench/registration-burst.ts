// Registration burst: 5,000 complete, valid, distinct registrations submitted as signed Slack view_submission
// requests (the registration modal) at concurrency 50 to the real server, started in this process (PORT 0, temp
// DATA_DIR, Slack pointed at a fake Web API, NODE_ENV=production so Teams is off). The client and the fake run
// on a worker thread (bench/registration-worker.ts). A registration counts as confirmed when the answer is
// {"response_action":"update"}; after closing the server and the store, the store is reopened from disk and every
// confirmed one must be there. Aims: none lost, >= 500/s, mean completion time of the last 1,000 <= 1.5x the first.
// Also (where the time goes): the store's write cycles (temp file, fsync, rename, fsync of the folder) timed by
// wrapping its private `replace`, JSON.stringify of the final store, and the main thread's event-loop use.
import type { LowdbAsyncStore } from '../src/store/lowdb-async.js';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { boot } from '../src/core/boot.js';
import { readConfig } from '../src/core/config.js';
import { startServer } from '../src/server/index.js';
import { LowdbStore, STORE_FILE } from '../src/store/lowdb-store.js';
import type { BurstRequest, BurstResult } from './registration-worker.js';
import { SIGNING_SECRET } from './slack-sign.js';
import { registrationEmail } from './slack-view.js';
import { now, type Table } from './stats.js';

const COUNT = 5000;
const CONCURRENCY = 50;
const DEADLINE_MS = 90_000; // stop starting requests after this, whatever the rate
const SLICE = 1000;

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

export async function benchRegistrations(count = COUNT, concurrency = CONCURRENCY): Promise<Table> {
  const { worker, slack } = await startWorker();
  const dataDir = mkdtempSync(join(tmpdir(), 'ckex-bench-reg-'));
  const config = readConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    CKEX_NOW: '2021-04-20T14:00:00Z',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${slack}/api/`,
    NODE_ENV: 'production', // Teams off
  });
  const run = Date.now().toString(36);
  let result: BurstResult;
  let fileWrites: number;
  let stringifyMs: number;
  let elu: number;
  let writes: { at: number; ms: number; bytes: number }[];
  try {
    const booted = await boot(config);
    const running = await startServer(booted, config);
    const lowdb = (booted.store as LowdbAsyncStore).store;
    writes = timeWrites(lowdb.file);
    const elu0 = performance.eventLoopUtilization();
    try {
      result = await runBurst(worker, { type: 'burst', url: `http://127.0.0.1:${running.port}/slack/events`, run, count, concurrency, deadlineMs: DEADLINE_MS });
      elu = performance.eventLoopUtilization(elu0).utilization;
      fileWrites = lowdb.file.fileWrites;
      // What each write of the grown store costs in JSON.stringify alone (the adapter stringifies the whole store).
      const data = (lowdb as unknown as { db: { data: unknown } }).db.data;
      const t0 = now();
      for (let k = 0; k < 5; k++) JSON.stringify(data);
      stringifyMs = (now() - t0) / 5;
    } finally {
      await running.close();
      await booted.store.close();
    }
    const size = statSync(join(dataDir, STORE_FILE)).size;
    const reopened = await LowdbStore.open(dataDir);
    let lost: number;
    let stored: number;
    try {
      lost = result.confirmed.filter((i) => !reopened.registrationByEmail(registrationEmail(run, i))).length;
      stored = reopened.registrations().length;
    } finally {
      await reopened.close();
    }
    if (result.firstError) console.error(`registrations: ${result.errors} errors, first: ${result.firstError}`);
    const done = (from: number, to: number) => result.latencies.slice(from, to).filter((ms) => ms >= 0);
    const first = mean(done(0, SLICE));
    const last = mean(done(count - SLICE, count));
    const cycleOf = (ws: typeof writes) => ({ ms: mean(ws.map((w) => w.ms)), kb: mean(ws.map((w) => w.bytes)) / 1024 });
    const third = Math.max(1, Math.floor(writes.length / 3));
    const early = cycleOf(writes.slice(0, third));
    const late = cycleOf(writes.slice(-third));
    return {
      burst: {
        registrations: count,
        confirmed: result.confirmed.length,
        per_second: (result.confirmed.length / result.wallMs) * 1000,
        wall_s: result.wallMs / 1000,
        lost,
        stored_after_reload: stored,
        errors: result.errors,
      },
      completion_ms: { first_1000: first, last_1000: last, ratio_last_first: last / first },
      store: {
        file_writes: fileWrites,
        regs_per_write: result.confirmed.length / Math.max(1, fileWrites),
        file_bytes: size,
      },
      where_time_goes: {
        write_io_ms_first_third: early.ms,
        write_io_ms_last_third: late.ms,
        write_kb_first_third: early.kb,
        write_kb_last_third: late.kb,
        stringify_ms_final_store: stringifyMs,
        main_thread_busy: elu,
      },
    };
  } finally {
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ type: 'close' });
    });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
