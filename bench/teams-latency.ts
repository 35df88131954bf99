// Teams message latency: a "today" message activity posted to the real server's /api/messages (started in this
// process, unauthenticated: no MicrosoftAppId, TEAMS_ALLOW_UNAUTHENTICATED=1), timed until the reply reaches a fake Bot
// Connector on 127.0.0.1 (the activity's serviceUrl), against a bare botbuilder ActivityHandler echo bot on
// CloudAdapter, rounds alternated. The client and the fake run on a worker thread (bench/load-worker.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express from 'express';
import { boot } from '../src/app/boot.js';
import { readConfig } from '../src/core/config.js';
import { startServer } from '../src/server/index.js';
import { compareLatency, LoadWorker, type Target } from './load.js';
import type { Table } from './stats.js';

const PLAN = [
  { concurrency: 1, requests: 200, rounds: 5 },
  { concurrency: 8, requests: 400, rounds: 5 },
  { concurrency: 32, requests: 600, rounds: 5 },
];

async function bareEchoBot(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' }));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  const server = express();
  server.post('/api/messages', express.json({ limit: '1mb' }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  const http: Server = await new Promise((resolve) => {
    const s = server.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/messages`,
    close: () =>
      new Promise((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

export async function benchTeams(plan = PLAN): Promise<Table> {
  const worker = await LoadWorker.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'ckex-bench-teams-'));
  const config = readConfig({ PORT: '0', DATA_DIR: dataDir, CKEX_NOW: '2021-05-04T14:00:00Z', TEAMS_ALLOW_UNAUTHENTICATED: '1' });
  const booted = await boot(config);
  const ours = await startServer(booted, config);
  const bare = await bareEchoBot();
  const oursUrl = `http://127.0.0.1:${ours.port}/api/messages`;
  const targets: Record<'ours_first' | 'bare_first' | 'ours_returning' | 'bare_returning', Target> = {
    ours_first: { kind: 'teams', url: oursUrl, fresh: true },
    bare_first: { kind: 'teams', url: bare.url, fresh: true },
    ours_returning: { kind: 'teams', url: oursUrl },
    bare_returning: { kind: 'teams', url: bare.url },
  };
  try {
    const first = await compareLatency(['ours_first', 'bare_first'] as const, plan, (name, c, n) => worker.round(targets[name], c, n));
    const returning = await compareLatency(['ours_returning', 'bare_returning'] as const, plan, (name, c, n) => worker.round(targets[name], c, n));
    const rename = (table: Table, prefix: string) => Object.fromEntries(Object.entries(table).map(([row, v]) => [row.startsWith('ratio') ? `${prefix}_${row}` : row, v]));
    return { ...rename(first, 'first'), ...rename(returning, 'returning') };
  } finally {
    await bare.close();
    await ours.close();
    await booted.store.close();
    await worker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
