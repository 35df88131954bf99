// Several `npm start` instances on one PostgreSQL database (DATABASE_URL), each with its own port and its own
// empty DATA_DIR (ephemeral disks), as a load balancer in front of them would see them; plus what the tests need
// to drive them as Slack does: exact request bytes for retries and replays, a seeded choice of instance, and the
// conversational registration form with what each reply must say.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { stripBidi } from '../../src/core/i18n/bidi.js';
import { afterAll, beforeAll } from 'vitest';
import { slackEnv } from './e2e.js';
import { FakeSlack, type SlackCall } from './fake-slack.js';
import type { TestDatabase } from './postgres.js';
import { registrationViewState } from './slack-modal.js';
import { signedHeaders, SIGNING_SECRET, type SignOptions } from './slack-requests.js';
import { spawnServer, type SpawnedServer } from './spawn-server.js';

export interface Instance {
  name: string;
  server: SpawnedServer;
  url: string;
  /** POST /slack/events of this instance. */
  events: string;
  dataDir: string;
}

/** Starts one instance per name, all at once, on the same database, each on its own empty DATA_DIR. */
export async function startInstances(names: string[], env: Record<string, string>): Promise<Instance[]> {
  const started = await Promise.allSettled(
    names.map(async (name) => {
      const dataDir = mkdtempSync(join(tmpdir(), `ckex-instance-${name}-`));
      const server = await spawnServer({ ...env, DATA_DIR: dataDir }, 45_000);
      return { name, server, url: server.url, events: `${server.url}/slack/events`, dataDir };
    }),
  );
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? stopInstance(s.value) : undefined)));
    throw failed.reason;
  }
  return started.map((s) => (s as PromiseFulfilledResult<Instance>).value);
}

/** SIGTERM, then SIGKILL if it has not exited within a few seconds. Safe on an instance already dead. */
export async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  const { child } = instance.server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  try {
    await instance.server.stop('SIGTERM');
  } finally {
    clearTimeout(timer);
  }
}

/** One query on its own connection: what is in the shared database, seen from outside the bot. */
export async function query<T extends pg.QueryResultRow = Record<string, any>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** The migration files the release ships, by name. */
export function migrationFiles(): string[] {
  return readdirSync(new URL('../../src/store/postgres/migrations/', import.meta.url))
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

/** A seeded PRNG, so a failing interleaving can be replayed with the same seed. */
export { prng } from './prng.js';

/** The seed of this run: CKEX_TEST_SEED to replay one, else a fixed one. */
export const SEED = Number(process.env.CKEX_TEST_SEED ?? 20210503);

/** An Events API envelope, as Slack sends it; the same bytes go out again on a retry. */
export function eventEnvelope(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1620133500,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  });
}

/** A signed POST; the headers are returned too, so the very same request can be replayed elsewhere. */
export async function signedRequest(url: string, body: string, contentType: string, opts: SignOptions = {}): Promise<{ res: Response; headers: Record<string, string> }> {
  const headers = signedHeaders(body, contentType, { secret: SIGNING_SECRET, ...opts });
  return { res: await fetch(url, { method: 'POST', headers, body }), headers };
}

/** The form body of a registration modal submission (view_submission), each with its own trigger and view id. */
export function modalSubmission(user: string, values: Record<string, string>, n: number): string {
  const payload = { type: 'view_submission', team: { id: 'T1' }, user: { id: user }, api_app_id: 'A1', token: 'legacy', trigger_id: `tk${n}`, view: { id: `VK${n}`, type: 'modal', callback_id: 'ckex_register', private_metadata: JSON.stringify({ lang: 'en' }), state: { values: registrationViewState(values) } } };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const modalValues = (email: string, name: string): Record<string, string> => ({ name, email, organisation: 'Ministry', country: 'Morocco', role: 'practitioner', institution: 'ministry', region: 'MENA', nominatedBy: '', interpretation: 'ar', consent: 'yes' });

export const blocksText = (call: SlackCall): string => stripBidi(JSON.stringify(call.body.blocks ?? call.body.text ?? ''));

/** A registration id as the bot shows it. */
export const REGISTRATION_ID = /\bR[0-9A-Z]{5}\b/;

/** The posts of the fake Slack API by channel, indexed as they arrive (the calls array is never cleared here). */
export class SlackLedger {
  private scanned = 0;
  private readonly byChannel = new Map<string, SlackCall[]>();

  constructor(private readonly slack: FakeSlack) {}

  posts(channel: string): SlackCall[] {
    const calls = this.slack.calls;
    if (calls.length < this.scanned) {
      // Someone cleared the calls: index again from scratch.
      this.scanned = 0;
      this.byChannel.clear();
    }
    for (; this.scanned < calls.length; this.scanned++) {
      const call = calls[this.scanned]!;
      if (call.method !== 'chat.postMessage') continue;
      const key = String(call.body.channel);
      this.byChannel.set(key, [...(this.byChannel.get(key) ?? []), call]);
    }
    return this.byChannel.get(channel) ?? [];
  }

  /** Waits until `channel` has at least `count` posts; undefined on timeout. */
  async waitFor(channel: string, count: number, timeoutMs: number): Promise<SlackCall[] | undefined> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const posts = this.posts(channel);
      if (posts.length >= count) return posts;
      if (Date.now() > until) return undefined;
      await sleep(15);
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` is true; fails with `what` when it is not within the time given. */
export async function eventually(check: () => boolean | Promise<boolean>, what: () => string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting: ${what()}`);
    await sleep(25);
  }
}

/** The conversational registration in English, one DM message at a time, and what each reply must show. */
export function conversation(i: number, email: string): { text: string; expect: RegExp }[] {
  return [
    { text: 'register', expect: /question 1 of 10/ },
    { text: `Participant ${i}`, expect: /question 2 of 10/ },
    { text: email, expect: /question 3 of 10/ },
    { text: 'Ministry of Labour', expect: /question 4 of 10/ },
    { text: 'Senegal', expect: /question 5 of 10/ },
    { text: '1', expect: /question 6 of 10/ },
    { text: '1', expect: /question 7 of 10/ },
    { text: 'yes', expect: /question 8 of 10/ }, // the region of Senegal (AFW), proposed
    { text: 'skip', expect: /question 9 of 10/ },
    { text: '1', expect: /question 10 of 10/ },
    { text: 'yes', expect: /Please check your answers/ }, // consent
    { text: 'confirm', expect: /Registration received/ },
  ];
}

export interface DmOptions {
  slack: SlackLedger;
  /** The instance this message goes to (the load balancer's choice). */
  pick: () => Instance;
  /** Where a delivery that failed (the instance died under it) is retried, as Slack retries: same event_id. */
  fallback?: () => Instance;
  /** How long a reply may take: past it, the test fails. */
  replyTimeoutMs?: number;
  /**
   * A reply that has not come within `abandonAfterMs`: true to abandon this user quietly (the message may have died
   * with an instance that had taken it, as a Slack user's message does).
   */
  abandon?: (step: number, sentTo: string[]) => boolean;
  abandonAfterMs?: number;
  seed?: number;
}

export interface DmOutcome {
  user: string;
  email: string;
  /** The registration id the confirmation showed, when it came. */
  id?: string;
  /** The confirmation post, when it came. */
  confirmation?: SlackCall;
  /** The step whose reply never came, and where its message went (the last one a Slack retry). */
  stranded?: { step: number; sentTo: string[] };
  /** Which instance each message went to (the last delivery's, after a retry). */
  route: string[];
}

/** One user registering through the conversational form in a DM, each message to the instance `pick` chooses. */
export async function registerByDm(user: string, i: number, email: string, opts: DmOptions): Promise<DmOutcome> {
  const channel = `D${user}`;
  const steps = conversation(i, email);
  const route: string[] = [];
  const timeout = opts.replyTimeoutMs ?? 15_000;
  for (const [k, step] of steps.entries()) {
    const body = eventEnvelope({ type: 'message', channel_type: 'im', channel, user, text: step.text, ts: `1620133500.${String(i).padStart(4, '0')}${String(k).padStart(2, '0')}`, event_ts: `1620133500.${String(i).padStart(4, '0')}${String(k).padStart(2, '0')}` }, `Ev${user}x${k}`);
    const sentTo: string[] = [];
    let target = opts.pick();
    for (let attempt = 0; ; attempt++) {
      sentTo.push(target.name);
      try {
        // A retry is a new request: a later timestamp, so a new signature, and X-Slack-Retry-Num.
        const { res } = await signedRequest(target.events, body, 'application/json', attempt > 0 ? { retryNum: attempt, timestamp: Math.floor(Date.now() / 1000) + attempt } : {});
        await res.arrayBuffer();
        if (res.status === 200) break;
        throw new Error(`${target.name} answered ${res.status}`);
      } catch (err) {
        const next = opts.fallback?.();
        if (!next || attempt >= 3) throw new Error(`${user} step ${k} (${step.text}) could not be delivered to ${sentTo.join(' then ')}: ${(err as Error).message}`);
        target = next;
      }
    }
    route.push(sentTo[sentTo.length - 1]!);
    const sentAt = Date.now();
    let posts: SlackCall[] | undefined;
    while (!(posts = await opts.slack.waitFor(channel, k + 1, 100))) {
      const waited = Date.now() - sentAt;
      if (waited >= (opts.abandonAfterMs ?? 3_000) && opts.abandon?.(k, sentTo)) return { user, email, stranded: { step: k, sentTo }, route };
      if (waited >= timeout) break;
    }
    if (!posts) {
      throw new Error(`${user}: no reply to step ${k} (${step.text}) sent to ${sentTo.join(' then ')} within ${timeout} ms (route ${route.join('')}, seed ${opts.seed ?? SEED}); replies so far: ${opts.slack.posts(channel).map(blocksText).join('\n')}`);
    }
    const reply = blocksText(posts[k]!);
    if (!step.expect.test(reply)) throw new Error(`${user}: the reply to step ${k} (${step.text}, sent to ${sentTo.join(' then ')}, route ${route.join('')}, seed ${opts.seed ?? SEED}) should match ${step.expect}, got: ${reply.slice(0, 400)}`);
  }
  const confirmation = opts.slack.posts(channel)[steps.length - 1]!;
  const id = REGISTRATION_ID.exec(blocksText(confirmation))?.[0];
  return { user, email, ...(id ? { id } : {}), confirmation, route };
}

/** Two instances, A and B, on one database with a fake Slack both post to: what each two-instance suite starts. */
export interface Pair {
  slack: FakeSlack;
  ledger: SlackLedger;
  a: Instance;
  b: Instance;
  /** What both logged, the tail of each, for a failure's message. */
  logs(): string;
}

/** Starts the pair as the suite's beforeAll does; `database` is the suite's (a throwaway one, or one it stops). */
export function usePair(database: () => Promise<TestDatabase>, env: Record<string, string>): () => Pair {
  let pair: Pair | undefined;
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    const slack = await new FakeSlack().start();
    db = await database();
    const [a, b] = (await startInstances(['A', 'B'], { DATABASE_URL: db.url, ...slackEnv(slack), ...env })) as [Instance, Instance];
    pair = { slack, ledger: new SlackLedger(slack), a, b, logs: () => `\n--- A ---\n${a.server.logs().slice(-3000)}\n--- B ---\n${b.server.logs().slice(-3000)}` };
  }, 90_000);
  afterAll(async () => {
    await Promise.all([stopInstance(pair?.a), stopInstance(pair?.b)]);
    await pair?.slack.close();
    await db?.drop();
  }, 30_000);
  return () => {
    if (!pair) throw new Error('the pair starts in beforeAll');
    return pair;
  };
}
