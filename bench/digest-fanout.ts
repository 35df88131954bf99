// Digest fan-out: 1,000 subscriptions all due at 09:00 America/New_York, written into the store of the real
// server (started in this process with a ManualClock), the clock set to 2021-05-04T13:00:00Z and one
// `digests.tick()` timed. First 1,000 Slack channels against a fake Web API enforcing one chat.postMessage a second
// per channel and 50 in any rolling second (429, Retry-After: 1); then 1,000 Teams conversations (Teams on: no
// MicrosoftAppId, NODE_ENV not production) against a fake Bot Connector enforcing 30 in any rolling second.
// The fakes run on a worker thread (bench/fanout-worker.ts). Aim: wall time <= 1.2x the minimum the limit allows
// (1,000/50 = 20 s; 1,000/30 = 33.3 s), no channel posted twice, none missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { boot } from '../src/core/boot.js';
import { ManualClock } from '../src/core/clock.js';
import { readConfig } from '../src/core/config.js';
import { startServer } from '../src/server/index.js';
import type { Subscription } from '../src/store/schema.js';
import type { WindowStats } from './rate-window.js';
import { SIGNING_SECRET } from './slack-sign.js';
import { now, type Table } from './stats.js';

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

const subscription = (platform: Subscription['platform'], channel: string): Subscription => ({ id: `${platform}:${channel}:en`, platform, channel, lang: 'en', time: '09:00', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00Z' });

async function fanout(fakes: Fakes, platform: 'slack' | 'teams', perSecond: number): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), `ckex-bench-fanout-${platform}-`));
  const env: NodeJS.ProcessEnv =
    platform === 'slack'
      ? { PORT: '0', DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fakes.slack, NODE_ENV: 'production' } // Teams off
      : { PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'development', TEAMS_ALLOW_UNAUTHENTICATED: '1' }; // Slack off; Teams on, unauthenticated
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
    await running.digests.stop(); // no cron ticks: only the one timed here (the start-up tick found nothing due)
    await ask(fakes.worker, 'reset', platform);
    clock.set(DUE);
    const t0 = now();
    const tick = running.digests.tick();
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

export async function benchFanout(): Promise<Table> {
  const fakes = await startFakes();
  try {
    return { slack: await fanout(fakes, 'slack', 50), teams: await fanout(fakes, 'teams', 30) };
  } finally {
    await new Promise<void>((resolve) => {
      fakes.worker.once('exit', () => resolve());
      fakes.worker.postMessage({ type: 'close' });
    });
  }
}
