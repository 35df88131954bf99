// Two `npm start` instances on one PostgreSQL database (DATABASE_URL) behave as one bot: they start together on an
// empty database, a Slack retry or replay that lands on the other instance is answered once, a due digest is
// posted once by the two schedulers together, registrations spread over both lose nothing and double nothing,
// and a kill -9 of one loses no registration that was confirmed while the other keeps serving.
// Each instance has its own port and its own empty DATA_DIR; the Slack Web API is a fake both post to.
// Which instance gets each request comes from a seeded PRNG: failures name their seed, CKEX_TEST_SEED=<n> replays it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import type { FakeSlack } from './helpers/fake-slack.js';
import {
  blocksText,
  eventEnvelope,
  eventually,
  migrationFiles,
  modalSubmission,
  modalValues,
  prng,
  query,
  REGISTRATION_ID,
  registerByDm,
  SEED,
  signedRequest,
  SlackLedger,
  startInstances,
  stopInstance,
  type DmOutcome,
  type Instance,
  usePair,
} from './helpers/instances.js';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';
import { slashCommandBody } from './helpers/slack-requests.js';

// Tuesday 4 May 2021, 09:05 in Washington: the event's second day, its sessions until 12:00 there.
const NOW = '2021-05-04T13:05:00Z';

let database: TestDatabase | undefined;
let slack: FakeSlack;
let ledger: SlackLedger;
let a: Instance;
let b: Instance;

const pair = usePair(async () => (database = await testDatabase()), { CKEX_NOW: NOW, CKEX_ADMINS: 'UORG' });
beforeAll(() => void ({ slack, ledger, a, b } = pair()));

const logsOnFailure = () => pair().logs();

/** What one slash command showed: its ack's answer, or what it posted to response_url. */
function answersContaining(ackBodies: string[], needle: string, since: number): number {
  const inAcks = ackBodies.filter((body) => stripBidi(body).includes(needle)).length;
  const posted = slack.calls.slice(since).filter((c) => c.method === 'respond' && blocksText(c).includes(needle)).length;
  return inAcks + posted;
}

describe('two instances on one database', () => {
  it('start together on an empty database: migrations applied once, both healthy, nothing on their disks', async () => {
    for (const instance of [a, b]) {
      const res = await fetch(`${instance.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, slack: 'http' });
      // All state is in PostgreSQL: no store file and no DATA_DIR lock.
      expect(existsSync(join(instance.dataDir, 'ckex.json')), `${instance.name} wrote a store file${logsOnFailure()}`).toBe(false);
      expect(existsSync(join(instance.dataDir, 'ckex.lock')), `${instance.name} took a DATA_DIR lock${logsOnFailure()}`).toBe(false);
    }
    const applied = await query<{ name: string }>(database!.url, 'SELECT name FROM schema_migrations ORDER BY version');
    expect(applied.map((r) => r.name)).toEqual(migrationFiles());
  });

  it('a Slack event delivered to A and retried to B is answered once; so is one delivered to both at once', async () => {
    const event = { type: 'app_mention', user: 'U1', text: '<@UBOT> week 1', ts: '1620133500.000100', channel: 'CRETRY', event_ts: '1620133500.000100' };
    const body = eventEnvelope(event, 'EvCROSS1');
    const ts = Math.floor(Date.now() / 1000);
    expect((await signedRequest(a.events, body, 'application/json', { timestamp: ts })).res.status).toBe(200);
    expect(await ledger.waitFor('CRETRY', 1, 10_000), `A did not answer${logsOnFailure()}`).toBeDefined();
    // Slack's retries: the same body, a new timestamp and signature, X-Slack-Retry-Num; to whichever instance.
    expect((await signedRequest(b.events, body, 'application/json', { timestamp: ts + 1, retryNum: 1 })).res.status).toBe(200);
    expect((await signedRequest(b.events, body, 'application/json', { timestamp: ts + 2, retryNum: 2 })).res.status).toBe(200);

    // The first delivery is slow to ack, so Slack retries while it is still running: both at once.
    const twice = { ...event, ts: '1620133500.000200', event_ts: '1620133500.000200', channel: 'CRACE' };
    const raced = eventEnvelope(twice, 'EvCROSS2');
    const results = await Promise.all([signedRequest(a.events, raced, 'application/json', { timestamp: ts }), signedRequest(b.events, raced, 'application/json', { timestamp: ts + 1, retryNum: 1 })]);
    expect(results.map((r) => r.res.status)).toEqual([200, 200]);
    expect(await ledger.waitFor('CRACE', 1, 10_000), `neither answered${logsOnFailure()}`).toBeDefined();

    // A later event on each instance is answered: whatever the retries would have posted has had its chance.
    for (const [instance, channel] of [[a, 'CAFTER-A'], [b, 'CAFTER-B']] as const) {
      await signedRequest(instance.events, eventEnvelope({ ...event, ts: '1620133500.000300', event_ts: '1620133500.000300', channel }, `Ev${channel}`), 'application/json');
      expect(await ledger.waitFor(channel, 1, 10_000), `${instance.name} answered nothing${logsOnFailure()}`).toBeDefined();
    }
    expect(ledger.posts('CRETRY').map((p) => p.body.thread_ts)).toEqual(['1620133500.000100']);
    expect(ledger.posts('CRACE').map((p) => p.body.thread_ts)).toEqual(['1620133500.000200']);
    expect(blocksText(ledger.posts('CRETRY')[0]!)).toContain('Week 1');
  });

  it('a signed request replayed to the other instance is acknowledged and not run', async () => {
    const since = slack.calls.length;
    // A slash command: no event_id, only its signature tells a replay.
    const command = slashCommandBody('today', slack.responseUrl('replay'), 'UREPLAY');
    const first = await signedRequest(a.events, command, 'application/x-www-form-urlencoded');
    expect(first.res.status).toBe(200);
    const acks = [await first.res.text()];
    const replay = await fetch(b.events, { method: 'POST', headers: first.headers, body: command });
    expect(replay.status).toBe(200);
    expect(await replay.text()).toBe('');

    // An event: its bytes and headers sent again, to A this time.
    const event = eventEnvelope({ type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1620133500.000400', channel: 'CREPLAY', event_ts: '1620133500.000400' }, 'EvREPLAY');
    const original = await signedRequest(b.events, event, 'application/json');
    expect(original.res.status).toBe(200);
    expect(await ledger.waitFor('CREPLAY', 1, 10_000), `B did not answer${logsOnFailure()}`).toBeDefined();
    const again = await fetch(a.events, { method: 'POST', headers: original.headers, body: event });
    expect(again.status).toBe(200);

    // Later requests on both instances are answered, then the replays have had their chance to show.
    const later = await signedRequest(b.events, slashCommandBody('week 2', slack.responseUrl('later'), 'UREPLAY'), 'application/x-www-form-urlencoded');
    const laterAck = await later.res.text();
    await eventually(() => answersContaining([laterAck], 'Week 2', since) >= 1, () => `B did not answer week 2${logsOnFailure()}`);
    await signedRequest(a.events, eventEnvelope({ type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1620133500.000500', channel: 'CREPLAY-AFTER', event_ts: '1620133500.000500' }, 'EvREPLAYAFTER'), 'application/json');
    expect(await ledger.waitFor('CREPLAY-AFTER', 1, 10_000), `A did not answer${logsOnFailure()}`).toBeDefined();
    expect(answersContaining(acks, 'Tuesday, 4 May 2021', since)).toBe(1);
    expect(ledger.posts('CREPLAY')).toHaveLength(1);
  });

  // The digest's quiet period (a whole scheduler period after its post) and the DM registrations run side by side:
  // the schedulers race while both instances are busy, and the file stays short.
  it.concurrent('a due digest subscribed through A is posted exactly once by the two schedulers together', async () => {
    // An organiser subscribes the channel at 09:00 Washington time, already past: due at the next tick of each.
    const form = new URLSearchParams(slashCommandBody('subscribe en 09:00 America/New_York', slack.responseUrl('subscribe'), 'UORG'));
    form.set('channel_id', 'CDIGEST');
    const since = slack.calls.length;
    const subscribed = await signedRequest(a.events, form.toString(), 'application/x-www-form-urlencoded');
    const ack = await subscribed.res.text();
    await eventually(() => answersContaining([ack], '09:00', since) >= 1, () => `the subscription was not confirmed${logsOnFailure()}`);

    const posts = await ledger.waitFor('CDIGEST', 1, 25_000);
    expect(posts, `no digest was posted${logsOnFailure()}`).toBeDefined();
    expect(blocksText(posts![0]!)).toContain('Tuesday, 4 May 2021');
    // Another channel subscribed through B after the post is posted at the next tick: both schedulers wake on the
    // same 10 s marks, so by then each has had a whole period since the post to see CDIGEST again.
    const later = new URLSearchParams(slashCommandBody('subscribe en 09:00 America/New_York', slack.responseUrl('subscribe-after'), 'UORG'));
    later.set('channel_id', 'CDIGEST-AFTER');
    await signedRequest(b.events, later.toString(), 'application/x-www-form-urlencoded');
    expect(await ledger.waitFor('CDIGEST-AFTER', 1, 25_000), `the later digest was not posted${logsOnFailure()}`).toBeDefined();
    expect(ledger.posts('CDIGEST')).toHaveLength(1);
    const [sub] = await query<{ last_posted: string }>(database!.url, "SELECT last_posted FROM subscriptions WHERE channel = 'CDIGEST'");
    expect(sub?.last_posted).toBe('2021-05-04');
  }, 60_000);

  it.concurrent('30 users registering in DMs, each message to A or B at random, are all registered once', async () => {
    const seed = SEED;
    const random = prng(seed);
    const pick = () => (random() < 0.5 ? a : b);
    const users = Array.from({ length: 30 }, (_, i) => ({ user: `UDM${String(i).padStart(2, '0')}`, email: `dm${i}@example.org`, i }));
    const outcomes: DmOutcome[] = await Promise.all(users.map(({ user, email, i }) => registerByDm(user, i, email, { slack: ledger, pick, seed })));
    const ids = outcomes.map((o) => o.id);
    expect(ids.every((id) => id !== undefined), `a confirmation without an id (seed ${seed})`).toBe(true);
    expect(new Set(ids).size).toBe(users.length);
    // Each message was answered once: no reply posted twice by the two instances, even late. Once a message after
    // them to each instance is answered, a second reply would have come.
    for (const [instance, channel] of [[a, 'DMARK-A'], [b, 'DMARK-B']] as const) {
      await signedRequest(instance.events, eventEnvelope({ type: 'message', channel_type: 'im', channel, user: `U${channel}`, text: 'help', ts: '1620133500.900000', event_ts: '1620133500.900000' }, `Ev${channel}`), 'application/json');
      expect(await ledger.waitFor(channel, 1, 10_000), `${instance.name} answered nothing${logsOnFailure()}`).toBeDefined();
    }
    for (const { user } of users) expect(ledger.posts(`D${user}`), `${user} (seed ${seed})`).toHaveLength(12);

    const rows = await query<{ id: string; email: string; status: string; user_ids: string[]; country: string; region: string }>(
      database!.url,
      "SELECT id, lower(email) AS email, status, user_ids, country, region FROM registrations WHERE lower(email) LIKE 'dm%@example.org' ORDER BY email",
    );
    expect(rows).toHaveLength(users.length);
    for (const outcome of outcomes) {
      const row = rows.find((r) => r.email === outcome.email);
      expect(row, `${outcome.email} is missing (route ${outcome.route.join('')}, seed ${seed})`).toMatchObject({ id: outcome.id, user_ids: [`slack:T1:${outcome.user}`], country: 'SN', region: 'AFW' });
      expect(['confirmed', 'pending']).toContain(row!.status);
    }
    // Nothing left half-way: every form was closed by its confirmation.
    const open = await query(database!.url, 'SELECT user_id FROM forms WHERE user_id = ANY($1)', [users.map((u) => `slack:T1:${u.user}`)]);
    expect(open).toEqual([]);
  }, 60_000);

  it('kill -9 of A during a burst over both: every confirmed registration is in the database, and B keeps serving', async () => {
    const seed = SEED + 5;
    const random = prng(seed);
    let killed = false;
    let stop = false;
    // Before the kill the load balancer spreads requests over both; after it, everything goes to B.
    const route = () => (killed ? b : random() < 0.5 ? a : b);
    let failure: unknown;
    const failed = () => {
      if (failure) throw failure;
      return false;
    };

    // Modal submissions: the confirmation is the ack (response_action "update"), sent only once the store has it.
    const modal: { email: string; id: string; via: string; afterKill: boolean }[] = [];
    let next = 0;
    const modalWorker = async () => {
      while (!stop) {
        const n = next++;
        const email = `k${n}@example.org`;
        const target = route();
        const afterKill = killed;
        try {
          const { res } = await signedRequest(target.events, modalSubmission(`UK${n}`, modalValues(email, `Participant K${n}`), n), 'application/x-www-form-urlencoded');
          const text = await res.text();
          const body = text.startsWith('{') ? (JSON.parse(text) as { response_action?: string; view?: unknown }) : {};
          if (body.response_action === 'update') modal.push({ email, id: REGISTRATION_ID.exec(JSON.stringify(body.view))?.[0] ?? '', via: target.name, afterKill });
        } catch {
          /* the instance died under this request: not confirmed */
        }
      }
    };

    // Conversations: the confirmation is the "Registration received" post that reached the fake Slack API.
    const dms: (DmOutcome & { afterKill: boolean })[] = [];
    let nextDm = 0;
    const dmUser = async () => {
      while (!stop) {
        const n = nextDm++;
        const outcome = await registerByDm(`UKD${n}`, 1000 + n, `kd${n}@example.org`, {
          slack: ledger,
          pick: route,
          fallback: () => b,
          // A message that A took and died with (acked, or seen and never answered) strands its user, as in Slack.
          abandon: (_step, sentTo) => killed && sentTo.includes('A'),
          seed,
        });
        dms.push({ ...outcome, afterKill: killed });
      }
    };

    const workers = [...Array.from({ length: 6 }, modalWorker), ...Array.from({ length: 4 }, dmUser)].map((w) =>
      w.catch((err: unknown) => {
        failure ??= err;
        stop = true;
      }),
    );
    const all = Promise.all(workers);
    try {
      await eventually(() => failed() || modal.filter((m) => m.via === 'A').length >= 10 && modal.length >= 30 && dms.filter((d) => d.id).length >= 2, () => `the burst before the kill: ${modal.length} modal, ${dms.length} DM registrations${logsOnFailure()}`, 30_000);
      a.server.child.kill('SIGKILL');
      killed = true;
      await eventually(() => failed() || modal.filter((m) => m.afterKill).length >= 15 && dms.filter((d) => d.afterKill && d.id).length >= 2, () => `B after the kill: ${modal.filter((m) => m.afterKill).length} modal, ${dms.filter((d) => d.afterKill && d.id).length} DM registrations${logsOnFailure()}`, 30_000);
    } finally {
      stop = true;
      await all;
    }
    if (failure) throw failure;
    await a.server.stop('SIGKILL');
    expect(a.server.child.signalCode).toBe('SIGKILL');

    const rows = await query<{ id: string; email: string; user_ids: string[] }>(database!.url, "SELECT id, lower(email) AS email, user_ids FROM registrations WHERE lower(email) LIKE 'k%@example.org'");
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    const missing = modal.filter((m) => byEmail.get(m.email)?.id !== m.id).map((m) => `${m.email} ${m.id} via ${m.via}`);
    expect(missing, `confirmed in the modal, not in the database (seed ${seed})`).toEqual([]);
    const confirmedDms = dms.filter((d) => d.id);
    const missingDms = confirmedDms.filter((d) => byEmail.get(d.email)?.id !== d.id || !byEmail.get(d.email)?.user_ids.includes(`slack:T1:${d.user}`)).map((d) => `${d.email} ${d.id} route ${d.route.join('')}`);
    expect(missingDms, `confirmed in a DM, not in the database (seed ${seed})`).toEqual([]);
    expect(modal.every((m) => REGISTRATION_ID.test(m.id))).toBe(true);
    const [dup] = await query<{ n: number }>(database!.url, 'SELECT count(*)::int - count(DISTINCT lower(email))::int AS n FROM registrations');
    expect(dup?.n).toBe(0);

    // B still answers, and registers.
    expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
    const { res } = await signedRequest(b.events, modalSubmission('UKLAST', modalValues('klast@example.org', 'Last One'), 99_999), 'application/x-www-form-urlencoded');
    expect(((await res.json()) as { response_action?: string }).response_action).toBe('update');
    expect(await query(database!.url, "SELECT id FROM registrations WHERE lower(email) = 'klast@example.org'")).toHaveLength(1);
  }, 90_000);
});
