// Digest fan-out: 1,000 subscriptions all due at 09:00 America/New_York, written into the store of the real
// server (started in this process with a ManualClock), the clock set to 2021-05-04T13:00:00Z and one
// `digests.tick()` timed. First 1,000 Slack channels against a fake Web API enforcing one chat.postMessage a second
// per channel and 50 in any rolling second (429, Retry-After: 1); then 1,000 Teams conversations (Teams on: no
// MicrosoftAppId, NODE_ENV not production) against a fake Bot Connector enforcing 30 in any rolling second.
// The fakes run on a worker thread (bench/fanout-worker.ts). Aim: wall time <= 1.2x the minimum the limit allows
// (1,000/50 = 20 s; 1,000/30 = 33.3 s), no channel posted twice, none missed.
// The Slack fan-out also runs on PostgreSQL (DATABASE_URL; bench/pg.ts): once with this one server, then with two
// compiled servers (build/src/main.js, as npm start runs it) on one database, both schedulers waking on their own
// cron (every 10 s) while the 1,000 subscriptions appear in one INSERT: each claims what it posts
// (INSERT … ON CONFLICT DO NOTHING), and the fake's 50 a second is the workspace's, shared by both. Timed from
// the cron wake after the INSERT to the last post the fake accepted; then one more scheduler period is waited
// out, and still no channel may have two posts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { boot } from '../src/app/boot.js';
import { ManualClock } from '../src/core/clock.js';
import { readConfig } from '../src/core/config.js';
import { startServer } from '../src/server/index.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import type { Subscription } from '../src/core/store/records.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { benchPostgres, type BenchPostgres } from './pg.js';
import type { WindowStats } from './rate-window.js';
import { SIGNING_SECRET } from './slack-sign.js';
import { spawnCompiled, type Compiled } from './spawn.js';
import { machineLoad, now, type Table } from './stats.js';

const CHANNELS = 1000;
const TICK_LIMIT_MS = 100_000; // one tick may not hold the run longer than this
const BEFORE = '2021-05-04T12:00:00Z'; // 08:00 in New York: nothing due yet
const DUE = '2021-05-04T13:00:00Z'; // 09:00 in New York

interface Fakes {
  worker: Worker;
  slack: string;
  connector: string;
}

async function startFakes(): Promise<Fakes> {
  const script = new URL('./fanout-worker.ts', import.meta.url).href;
  // Workers do not inherit tsx's loader: register it, then load the TypeScript module (as bench/load.ts does).
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`, { eval: true });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: { type: string; slack: string; connector: string }) => (m.type === 'ready' ? resolve({ worker, slack: m.slack, connector: m.connector }) : reject(new Error(`fanout worker: ${m.type}`))));
  });
}

function ask(worker: Worker, type: 'stats' | 'reset', fake: 'slack' | 'teams'): Promise<WindowStats> {
  return new Promise((resolve) => {
    worker.once('message', (m: { stats: WindowStats }) => resolve(m.stats));
    worker.postMessage({ type, fake });
  });
}

interface Ticking {
  stop(): Promise<void>;
  tick(): Promise<{ posted: string[]; failed: string[] }>;
}

/** The server's post scheduler: `scheduler` once it moved to src/scheduled/, `digests` before; either will do. */
function schedulerOf(running: Awaited<ReturnType<typeof startServer>>): Ticking {
  const r = running as unknown as Partial<Record<'scheduler' | 'digests', Ticking>>;
  const found = r.scheduler ?? r.digests;
  if (!found) throw new Error('startServer returned no post scheduler (neither scheduler nor digests)');
  return found;
}

const subscription = (platform: Subscription['platform'], channel: string): Subscription => ({ id: `${platform}:${channel}:en`, platform, channel, lang: 'en', time: '09:00', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00Z' });

async function fanout(fakes: Fakes, platform: 'slack' | 'teams', perSecond: number, databaseUrl?: string): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), `ckex-bench-fanout-${platform}-`));
  const env: NodeJS.ProcessEnv =
    platform === 'slack'
      ? { PORT: '0', DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakes.slack, NODE_ENV: 'production' } // Teams off
      : { PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'development', TEAMS_ALLOW_UNAUTHENTICATED: '1' }; // Slack off; Teams on, unauthenticated
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const config = readConfig(env);
  const clock = new ManualClock(BEFORE);
  const booted = await boot(config, clock);
  const channels = Array.from({ length: CHANNELS }, (_, i) => (platform === 'slack' ? `CFAN${String(i).padStart(4, '0')}` : `19:fanout-${i}@thread.tacv2`));
  const writes: Promise<void>[] = [];
  for (const id of channels) {
    if (platform === 'teams') writes.push(booted.store.saveConversation({ id, platform: 'teams', scope: 'channel', reference: { serviceUrl: fakes.connector, channelId: 'msteams', conversation: { id }, bot: { id: '28:bot' } } }));
    writes.push(booted.store.saveSubscription(subscription(platform, id)));
  }
  await Promise.all(writes);
  const running = await startServer(booted, config);
  let timedOut = false;
  try {
    await schedulerOf(running).stop(); // no cron ticks: only the one timed here (the start-up tick found nothing due)
    await ask(fakes.worker, 'reset', platform);
    clock.set(DUE);
    const t0 = now();
    const tick = schedulerOf(running).tick();
    let timer: NodeJS.Timeout | undefined;
    const report = await Promise.race([tick, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), TICK_LIMIT_MS)))]);
    clearTimeout(timer);
    const wallMs = now() - t0;
    timedOut = report === undefined;
    await new Promise((r) => setTimeout(r, 250)); // let a last answer land
    const stats = await ask(fakes.worker, 'stats', platform);
    const counts = channels.map((c) => stats.perKey[c] ?? 0);
    const minimumMs = (CHANNELS / perSecond) * 1000;
    return {
      channels: CHANNELS,
      wall_s: wallMs / 1000,
      minimum_s: minimumMs / 1000,
      ratio: wallMs / minimumMs,
      posted: report?.posted.length ?? Number.NaN,
      failed: report?.failed.length ?? Number.NaN,
      duplicates: counts.filter((n) => n > 1).length,
      misses: counts.filter((n) => n === 0).length,
      http_429: stats.refusedGlobal + stats.refusedKey,
      http_429_per_channel_limit: stats.refusedKey,
      channels_refused: stats.refusedKeys,
      peak_per_rolling_s: stats.peak,
      accepted_span_s: stats.spanMs / 1000,
      timed_out: timedOut ? 1 : 0,
    };
  } finally {
    if (!timedOut) {
      await running.close();
      await booted.store.close();
      rmSync(dataDir, { recursive: true, force: true });
    } // else the tick still runs: leave it (and its temp folder) to the process exit rather than wait
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SCHEDULER_PERIOD_MS = 10_000; // the servers' cron: */10 * * * * *

/** What the instance's logs say it posted: the sum of its "digest tick" lines. */
const postedBy = (server: Compiled): number =>
  server
    .logs()
    .split('\n')
    .filter((line) => line.includes('"msg":"digest tick"'))
    .reduce((n, line) => n + Number(/"posted":(\d+)/.exec(line)?.[1] ?? 0), 0);

/** Two compiled servers on one database, 1,000 Slack subscriptions appearing at once, both schedulers racing. */
async function fanoutTwoInstances(fakes: Fakes, postgres: BenchPostgres, perSecond = 50): Promise<Record<string, number>> {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs']); // the compiled server, current with src/
  const url = await postgres.database();
  const store = await PostgresStore.open(url, { personalPosts }); // migrations first; the INSERT below goes through its pool
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'ckex-bench-fanout-pg-')));
  const servers: Compiled[] = [];
  try {
    const env = { DATABASE_URL: url, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakes.slack, CKEX_NOW: DUE, LOG_LEVEL: 'info' };
    const started = await Promise.allSettled(dirs.map((dir) => spawnCompiled({ ...env, DATA_DIR: dir })));
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    // Their start-up ticks found nothing (no subscription yet). Just after a cron wake, so the INSERT lands well
    // before the next one, on which both schedulers see all 1,000 due at once (the clock has run on from 09:00).
    while (Date.now() % SCHEDULER_PERIOD_MS < 1_000 || Date.now() % SCHEDULER_PERIOD_MS > 4_000) await sleep(50);
    await ask(fakes.worker, 'reset', 'slack');
    await store.pool.query(
      `INSERT INTO subscriptions (id, platform, channel, lang, time, zone, created_by, created_at)
       SELECT 'slack:' || c || ':en', 'slack', c, 'en', '09:00', 'America/New_York', 'UORG', '2021-05-01T00:00:00Z'
       FROM (SELECT 'CFAN' || lpad(i::text, 4, '0') AS c FROM generate_series(0, $1::int - 1) i) s`,
      [CHANNELS],
    );
    const wake = Math.ceil(Date.now() / SCHEDULER_PERIOD_MS) * SCHEDULER_PERIOD_MS;
    const channels = Array.from({ length: CHANNELS }, (_, i) => `CFAN${String(i).padStart(4, '0')}`);
    let stats: WindowStats;
    let allAt = Number.NaN;
    for (;;) {
      stats = await ask(fakes.worker, 'stats', 'slack');
      if (channels.every((c) => (stats.perKey[c] ?? 0) > 0)) {
        allAt = stats.lastEpochMs;
        break;
      }
      if (Date.now() - wake > TICK_LIMIT_MS) break;
      await sleep(200);
    }
    // One more whole period: each scheduler wakes again, sees every digest claimed, and posts nothing more.
    await sleep(SCHEDULER_PERIOD_MS + 1_000);
    stats = await ask(fakes.worker, 'stats', 'slack');
    const counts = channels.map((c) => stats.perKey[c] ?? 0);
    const claimed = await store.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM posts WHERE key LIKE 'digest::%' AND posted_at IS NOT NULL");
    const minimumMs = (CHANNELS / perSecond) * 1000;
    const wallMs = allAt - wake;
    const [a, b] = servers as [Compiled, Compiled];
    return {
      channels: CHANNELS,
      wall_s: wallMs / 1000,
      minimum_s: minimumMs / 1000,
      ratio: wallMs / minimumMs,
      first_post_after_wake_s: (stats.firstEpochMs - wake) / 1000,
      posted_by_a: postedBy(a),
      posted_by_b: postedBy(b),
      marked_posted_in_db: claimed.rows[0]?.n ?? Number.NaN,
      duplicates: counts.filter((n) => n > 1).length,
      misses: counts.filter((n) => n === 0).length,
      http_429: stats.refusedGlobal + stats.refusedKey,
      http_429_per_channel_limit: stats.refusedKey,
      channels_refused: stats.refusedKeys,
      peak_per_rolling_s: stats.peak,
      accepted_span_s: stats.spanMs / 1000,
      timed_out: Number.isNaN(allAt) ? 1 : 0,
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await store.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFanout(): Promise<Table> {
  const fakes = await startFakes();
  const postgres = await benchPostgres();
  console.error(`fanout: PostgreSQL is ${postgres.where}`);
  try {
    const slack = await fanout(fakes, 'slack', 50);
    const slackPostgres = await fanout(fakes, 'slack', 50, await postgres.database());
    const slackTwo = await fanoutTwoInstances(fakes, postgres);
    const teams = await fanout(fakes, 'teams', 30);
    return {
      slack,
      slack_postgres: slackPostgres,
      slack_postgres_two_instances: slackTwo,
      teams,
      postgres_server: { throwaway_cluster: postgres.throwaway ? 1 : 0, ...(await postgres.durability()) },
      machine: machineLoad(),
    };
  } finally {
    await new Promise<void>((resolve) => {
      fakes.worker.once('exit', () => resolve());
      fakes.worker.postMessage({ type: 'close' });
    });
    await postgres.close();
  }
}
