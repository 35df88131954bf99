// One HTTP server on PORT: POST /slack/events, POST /api/messages (Teams), GET /healthz, GET /ics/*.
// No JSON body parser in front of Slack's route: Bolt needs the raw body to check the signature.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Booted } from '../commands/booted.js';
import type { Config } from '../core/config.js';
import { log } from '../core/log.js';
import type { SlackSetup } from '../bots/slack/app.js';
import { slackMode } from '../bots/slack/mode.js';
import type { TeamsSetup } from '../bots/teams/app.js';
import { teamsMode } from '../bots/teams/mode.js';
import { within } from '../core/within.js';
import { registerErrorHandlers, registerSecurityHeaders } from './errors.js';
import { createHttpServer } from './http-timeouts.js';
import { registerFiles } from './files.js';
import { registerIcs } from './ics.js';
import { PACING, PostScheduler } from '../scheduled/index.js';

/** The readiness probe waits this long for the store. */
const READY_BUDGET_MS = 1_000;

export interface RunningServer {
  port: number;
  slack: SlackSetup | undefined;
  teams: TeamsSetup | undefined;
  scheduler: PostScheduler;
  close(): Promise<void>;
}

export async function startServer(booted: Booted, config: Config): Promise<RunningServer> {
  const server = express();
  server.disable('x-powered-by');
  registerSecurityHeaders(server);
  // Each platform's library is loaded only when its settings turn it on.
  const slack = slackMode(config) ? (await import('../bots/slack/app.js')).createSlack(config, booted.dispatcher, server) : undefined;
  const teamsOn = teamsMode(config);
  const teams = teamsOn ? (await import('../bots/teams/app.js')).createTeams(config, booted.dispatcher, server, teamsOn) : undefined;
  server.get('/healthz', (_req, res) => {
    res.json({ ok: true, slack: slack?.mode ?? 'off', teams: teams?.mode ?? 'off', now: booted.core.clock.now().toISO() });
  });
  // Readiness, apart from liveness: an instance whose store is out of reach still answers from memory, but a load
  // balancer may prefer another while it is.
  server.get('/readyz', async (_req, res) => {
    const reachable = await within(booted.store.ping().then(() => true, () => false), READY_BUDGET_MS);
    if (reachable) res.json({ ok: true, store: 'reachable' });
    else res.status(503).json({ ok: false, store: 'unreachable' });
  });
  registerIcs(server, booted.core);
  registerFiles(server, booted.core);
  await slack?.start();
  // A workspace's posting limit, shared by every instance on the store (src/scheduled/share.ts).
  const scheduler = new PostScheduler(booted.core, booted.dispatcher, { pacing: { ...PACING, slack: { ...PACING.slack, global: config.SLACK_POSTS_PER_SECOND } } });
  registerErrorHandlers(server);
  const http: Server = createHttpServer(server);
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.PORT, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  log.info({ port }, 'CKEx bot listening');
  if (slack || teams) scheduler.start();
  return {
    port,
    slack,
    teams,
    scheduler,
    async close() {
      await scheduler.stop();
      await slack?.stop();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
