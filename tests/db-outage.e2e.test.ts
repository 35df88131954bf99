// The database goes away for twenty seconds under two `npm start` instances, as a managed PostgreSQL does for a
// failover or a minor upgrade (`pg_ctl stop -m fast`, then start): both stay up; meanwhile Slack is answered within
// its three seconds from memory and nothing is confirmed that was not saved; once the database is back both answer
// normally by themselves, a registration begun before is finished, and every confirmed registration is there once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { FakeConnector, postActivity, teamsActivity } from './helpers/fake-connector.js';
import type { FakeSlack } from './helpers/fake-slack.js';
import { blocksText, conversation, eventEnvelope, eventually, query, REGISTRATION_ID, signedRequest, sleep, SlackLedger, startInstances, stopInstance, usePair, type Instance } from './helpers/instances.js';
import { ownDatabase, type OwnDatabase } from './helpers/postgres.js';
import { slackEnv } from './helpers/e2e.js';
import { slashCommandBody } from './helpers/slack-requests.js';

// Tuesday 4 May 2021, 09:05 in Washington: the event's second day.
const NOW = '2021-05-04T13:05:25Z'; // the next whole minute soon after the set-up, for the digest due during the outage
const OUTAGE_MS = 20_000;
const UNHANDLED = /unhandled rejection|uncaught exception/;

let database: OwnDatabase | undefined;
let slack: FakeSlack;
let ledger: SlackLedger;
let a: Instance;
let b: Instance;

// Teams too, through the fake Bot Connector (unauthenticated, outside production: a development set-up).
const connector = new FakeConnector();
beforeAll(async () => void (await connector.start()));
afterAll(() => connector.close());
const pair = usePair(async () => (database = await ownDatabase()), { CKEX_NOW: NOW, CKEX_ADMINS: 'UORG', NODE_ENV: 'development', TEAMS_ALLOW_UNAUTHENTICATED: '1' });
beforeAll(() => void ({ slack, ledger, a, b } = pair()));

const logs = () => pair().logs();
const alive = (i: Instance) => i.server.child.exitCode === null && i.server.child.signalCode === null;

/** One DM message of `user` to `to`, and the reply it gets (the `n`th post in the user's DM). */
async function dm(to: Instance, user: string, text: string, n: number, id: string): Promise<string> {
  const ts = `1620133500.${String(n).padStart(6, '0')}`;
  const { res } = await signedRequest(to.events, eventEnvelope({ type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts, event_ts: ts }, `Ev${user}${id}`), 'application/json');
  expect(res.status, `${to.name} refused a DM${logs()}`).toBe(200);
  const posts = await ledger.waitFor(`D${user}`, n, 15_000);
  expect(posts, `${to.name} did not answer "${text}" of ${user}${logs()}`).toBeDefined();
  return blocksText(posts![n - 1]!);
}

/** `/ckex today` to one instance: the time to its ack, and whether today's agenda came (in the ack or after). */
async function today(to: Instance, user: string): Promise<{ ms: number; answered: () => boolean }> {
  const since = slack.calls.length;
  const started = Date.now();
  const { res } = await signedRequest(to.events, slashCommandBody('today', slack.responseUrl(`today-${user}`), user), 'application/x-www-form-urlencoded');
  const ack = await res.text();
  const ms = Date.now() - started;
  expect(res.status, `${to.name} did not ack /ckex today${logs()}`).toBe(200);
  const shows = (text: string) => stripBidi(text).includes('Tuesday, 4 May 2021');
  return { ms, answered: () => shows(ack) || slack.calls.slice(since).some((c) => c.method === 'respond' && shows(blocksText(c))) };
}

describe('PostgreSQL stopped for twenty seconds under two instances', () => {
  it('keeps answering, confirms nothing unsaved, comes back by itself, loses nothing and doubles nothing', async () => {
    const confirmed: string[] = [];
    const steps = conversation(1, 'before@example.org');
    // Before: one registration confirmed, and one begun (halfway through the form) on both instances in turn.
    const done = conversation(2, 'done@example.org');
    for (const [k, step] of done.entries()) expect(await dm(k % 2 ? b : a, 'UDONE', step.text, k + 1, `d${k}`)).toMatch(step.expect);
    confirmed.push(REGISTRATION_ID.exec(blocksText(ledger.posts('DUDONE').at(-1)!))![0]);
    const half = 5;
    for (let k = 0; k < half; k++) expect(await dm(k % 2 ? b : a, 'UHALF', steps[k]!.text, k + 1, `h${k}`)).toMatch(steps[k]!.expect);
    // A third person reaches the last step, to confirm during the outage.
    const late = conversation(3, 'late@example.org');
    for (let k = 0; k < late.length - 1; k++) expect(await dm(a, 'ULATE', late[k]!.text, k + 1, `l${k}`)).toMatch(late[k]!.expect);

    // A channel's digest comes due during the outage: subscribed for the next whole minute of the bot's clock, and the
    // database stopped ten seconds before it.
    const clock = Date.parse(((await (await fetch(`${a.url}/healthz`)).json()) as { now: string }).now);
    let due = Math.ceil((clock + 1) / 60_000) * 60_000;
    if (due - clock < 12_000) due += 60_000;
    const hhmm = new Date(due).toISOString().slice(11, 16);
    const subscribed = await signedRequest(a.events, slashCommandBody(`subscribe en ${hhmm} UTC`, slack.responseUrl('subscribe'), 'UORG'), 'application/x-www-form-urlencoded');
    expect(subscribed.res.status).toBe(200);
    await eventually(async () => (await query(database!.url, 'SELECT 1 FROM subscriptions')).length === 1, () => `not subscribed${logs()}`, 10_000);
    await sleep(due - clock - 10_000);
    database!.stopServer();
    const stoppedAt = Date.now();
    // During: Slack answered in time from memory, on both; nothing written is confirmed; the probes tell.
    for (const instance of [a, b]) {
      const t = await today(instance, `UOUT${instance.name}`);
      expect(t.ms, `${instance.name} acked /ckex today late during the outage${logs()}`).toBeLessThan(3_000);
      await eventually(t.answered, () => `${instance.name} did not show today's agenda during the outage${logs()}`, 10_000);
      const ready = await fetch(`${instance.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ok: false, store: 'unreachable' });
      expect((await fetch(`${instance.url}/healthz`)).status).toBe(200);
    }
    // Teams: the message answered (never a 5xx), from memory.
    const sent = connector.calls.length;
    const teams = await postActivity(b.url, teamsActivity(connector.url, { text: 'today', id: 'act-outage' }));
    expect(teams.status, `Teams got a ${teams.status} during the outage${logs()}`).toBeLessThan(500);
    const replies = await connector.waitFor(sent + 1, 10_000);
    expect(JSON.stringify(replies.slice(sent))).toContain('Tuesday, 4 May 2021');
    const refused = await dm(b, 'ULATE', 'confirm', late.length, 'lconfirm-out');
    expect(refused).not.toMatch(/Registration received/);
    expect(refused).toContain('I could not save that just now');
    const step = await dm(a, 'UHALF', steps[half]!.text, half + 1, `h${half}-out`);
    expect(step).not.toMatch(steps[half]!.expect);
    expect(step).toMatch(/could not save|cannot look that up/);
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
    expect(ledger.posts('C1'), 'a digest was posted while its claim could not be stored').toHaveLength(0);
    expect(alive(a) && alive(b), `an instance died during the outage${logs()}`).toBe(true);

    database!.startServer();
    const restartedAt = Date.now();
    // After: both ready within 30 s by themselves, and answering normally.
    for (const instance of [a, b]) {
      await eventually(async () => (await fetch(`${instance.url}/readyz`)).status === 200, () => `${instance.name} not ready again${logs()}`, 30_000);
    }
    expect(Date.now() - restartedAt).toBeLessThan(30_000);
    // The form begun before goes on from where it was saved, on either instance.
    let n = half + 2;
    for (let k = half; k < steps.length; k++, n++) expect(await dm(k % 2 ? a : b, 'UHALF', steps[k]!.text, n, `h${k}-after`)).toMatch(steps[k]!.expect);
    confirmed.push(REGISTRATION_ID.exec(blocksText(ledger.posts('DUHALF').at(-1)!))![0]);
    // The confirmation refused during the outage, asked again.
    const again = await dm(a, 'ULATE', 'confirm', late.length + 1, 'lconfirm-after');
    expect(again).toMatch(/Registration received/);
    confirmed.push(REGISTRATION_ID.exec(again)![0]);

    // The digest missed meanwhile goes once, late, whichever instance claims it.
    expect(await ledger.waitFor('C1', 1, 30_000), `the missed digest was not posted${logs()}`).toBeDefined();
    await signedRequest(b.events, eventEnvelope({ type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: '1620133600.000001', channel: 'CMARK', event_ts: '1620133600.000001' }, 'EvMARK'), 'application/json');
    expect(await ledger.waitFor('CMARK', 1, 15_000)).toBeDefined();
    expect(ledger.posts('C1')).toHaveLength(1);

    const rows = await query<{ id: string; email: string }>(database!.url, 'SELECT id, email FROM registrations ORDER BY id');
    expect(rows.map((r) => r.id).sort()).toEqual([...confirmed].sort());
    expect(new Set(rows.map((r) => r.email))).toEqual(new Set(['done@example.org', 'before@example.org', 'late@example.org']));
    for (const instance of [a, b]) {
      const out = instance.server.logs();
      expect(out, `${instance.name} let something reach the process handler`).not.toMatch(UNHANDLED);
      // Logged once when it went and once when it came back, not once per tick or request.
      expect(out.match(/the store is out of reach/g)?.length ?? 0, `${instance.name}${logs()}`).toBeLessThanOrEqual(2);
      expect(out).toMatch(/the store is reachable again/);
    }
  }, 150_000);

  it('starts without the database: serving from memory, not ready, then ready by itself once the database answers', async () => {
    database!.stopServer();
    let c: Instance | undefined;
    try {
      [c] = await startInstances(['C'], { DATABASE_URL: database!.url, ...slackEnv(slack), CKEX_NOW: NOW });
      const instance = c!;
      expect((await fetch(`${instance.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${instance.url}/readyz`)).status).toBe(503);
      const t = await today(instance, 'USTART');
      expect(t.ms).toBeLessThan(3_000);
      await eventually(t.answered, () => `C did not show today's agenda without its database${instance.server.logs()}`, 10_000);
      expect(instance.server.logs()).toMatch(/out of reach at start-up/);
      database!.startServer();
      await eventually(async () => (await fetch(`${instance.url}/readyz`)).status === 200, () => `C not ready after the database came${instance.server.logs()}`, 30_000);
      expect(await dm(instance, 'USTART2', 'register', 1, 's0')).toMatch(/question 1 of 10/);
      expect(instance.server.logs()).not.toMatch(UNHANDLED);
    } finally {
      await stopInstance(c);
    }
  }, 90_000);
});
