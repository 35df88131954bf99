// Slack command latency: signed `/ckex today` slash commands to the real server (started in this process; the
// Web API and response_url are a fake), time until the user has the answer (the ack when it carries it, else
// response_url) at concurrency 1, 8 and 32, against a bare Bolt app acking a fixed answer inline, rounds alternated.
// The client and the fakes run on a worker thread (bench/load-worker.ts): the servers have this thread alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import express from 'express';
import { boot } from '../src/app/boot.js';
import { readConfig } from '../src/core/config.js';
import { startServer } from '../src/server/index.js';
import { compareLatency, LoadWorker, type Target } from './load.js';
import { SIGNING_SECRET } from './slack-sign.js';
import type { Table } from './stats.js';

/** The morning rush (issue 26): 1,500 people each sending their first /ckex today at concurrency 150. */
const RUSH = [{ concurrency: 150, requests: 1500, rounds: 2 }];

const PLAN = [
  { concurrency: 1, requests: 200, rounds: 5 },
  { concurrency: 8, requests: 400, rounds: 5 },
  { concurrency: 32, requests: 800, rounds: 5 },
];

async function bareBolt(apiUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = express();
  const receiver = new ExpressReceiver({ signingSecret: SIGNING_SECRET, endpoints: '/slack/events', app: server, processBeforeResponse: false, logLevel: LogLevel.ERROR });
  const app = new App({ token: 'xoxb-bench', receiver, clientOptions: { slackApiUrl: apiUrl }, deferInitialization: true, logLevel: LogLevel.ERROR });
  app.command('/ckex', async ({ ack }) => {
    await ack('fixed text');
  });
  await app.init();
  const http: Server = await new Promise((resolve) => {
    const s = server.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/slack/events`,
    close: () =>
      new Promise((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

export async function benchSlack(plan = PLAN, rush = RUSH): Promise<Table> {
  const worker = await LoadWorker.start();
  const apiUrl = `${worker.fakes.slack}/api/`;
  const dataDir = mkdtempSync(join(tmpdir(), 'ckex-bench-slack-'));
  const config = readConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    CKEX_NOW: '2021-05-04T14:00:00Z',
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    NODE_ENV: 'production', // Teams off
  });
  const booted = await boot(config);
  const ours = await startServer(booted, config);
  const bare = await bareBolt(apiUrl);
  const targets: Record<'ours' | 'bare', Extract<Target, { kind: 'slack' }>> = {
    ours: { kind: 'slack', url: `http://127.0.0.1:${ours.port}/slack/events`, answers: true },
    bare: { kind: 'slack', url: bare.url, answers: false },
  };
  try {
    const steady = await compareLatency(['ours', 'bare'] as const, plan, (name, concurrency, requests) => worker.round(targets[name], concurrency, requests));
    // Rows rush_ours_c150 / rush_bare_c150: late_acks is how many acks took longer than Slack's 3 s.
    const rushed = await compareLatency(['ours', 'bare'] as const, rush, (name, concurrency, requests) => worker.round({ ...targets[name], distinct: true }, concurrency, requests));
    return { ...steady, ...Object.fromEntries(Object.entries(rushed).map(([row, cols]) => [`rush_${row}`, cols])) };
  } finally {
    await bare.close();
    await ours.close();
    await booted.store.close();
    await worker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
