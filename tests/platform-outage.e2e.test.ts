// Platforms down, through `npm start` itself: the Slack Web API answering 503 or not answering at all, and the Bot
// Connector answering 5xx or not answering, for a while. A digest that comes due meanwhile is not lost and goes out
// once when the platform is back; commands are still acknowledged; a reply that cannot be delivered is one log
// line (no stack, nothing the person typed); the process keeps serving and nothing slips through to its last-resort
// handlers. The outage lasts about twenty seconds here; nothing in the code counts on it being short.
import { describe, expect, it, type TestContext } from 'vitest';
import { within } from '../src/core/within.js';
import { LowdbStore } from '../src/store/lowdb/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import type { Subscription } from '../src/core/store/records.js';
import { tempDir } from './helpers/bot.js';
import { FakeConnector, postActivity, teamsActivity, type Outage as ConnectorOutage } from './helpers/fake-connector.js';
import { FakeSlack, type Outage as SlackOutage } from './helpers/fake-slack.js';
import { eventCallback, signedPost, SIGNING_SECRET, slashCommandBody } from './helpers/slack-requests.js';
import { failedStart, spawnServer, type SpawnedServer } from './helpers/spawn-server.js';

/** Five seconds before 09:00 in New York on an event day: the digest comes due just after the server starts. */
const NOW = '2021-05-04T12:59:55Z';
/** What the process logs for anything a path did not handle itself. */
const SLIPPED = /kept serving/;
/** Long enough for a scheduler tick (every 10 s) to come round again. */
const TICK_MS = 11_000;

/** Scheduler ticks that found the digest due and could not send it (each gave its claim back). */
const failedTicks = (server: SpawnedServer) => logLines(server).filter(({ line }) => line.msg === 'digest tick' && line.failed > 0).length;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM, as a platform stops an instance: a server that does not stop is killed, and says so. */
async function stop(server: SpawnedServer): Promise<number | null | 'still running'> {
  const code = await within(server.stop(), 20_000);
  if (code !== undefined) return code;
  server.child.kill('SIGKILL');
  return 'still running';
}

async function eventually(check: () => boolean, what: () => string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what()}`);
    await sleep(50);
  }
}

/** The server's log as JSON lines (pino), with anything that is not JSON kept as text. */
function logLines(server: SpawnedServer): { raw: string; line: Record<string, any> }[] {
  return server
    .logs()
    .split('\n')
    .filter((raw) => raw.trim() !== '')
    .map((raw) => {
      try {
        return { raw, line: JSON.parse(raw) as Record<string, any> };
      } catch {
        return { raw, line: { msg: raw } };
      }
    });
}

/** A data folder holding one digest subscription (and, for Teams, where its channel is). */
async function seededData(sub: Subscription, conversation?: Parameters<LowdbStore['saveConversation']>[0]): Promise<string> {
  const dataDir = tempDir();
  const store = await LowdbStore.open(dataDir, { personalPosts });
  await store.saveSubscription(sub);
  if (conversation) await store.saveConversation(conversation);
  await store.close();
  return dataDir;
}

const subscription = (platform: Subscription['platform'], channel: string): Subscription => ({ id: `${platform}:${channel}:en`, platform, channel, lang: 'en', time: '09:00', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00Z' });

/** The outage logged once as it began and once as it ended; no stack trace, nothing typed, nothing slipped through. */
function expectCleanLog(server: SpawnedServer, typed: string): void {
  const said = (pattern: RegExp) => logLines(server).filter(({ line }) => pattern.test(String(line.msg))).length;
  expect(said(/is unavailable: scheduled posts wait/)).toBe(1);
  expect(said(/answers again$/)).toBe(1);
  const logs = server.logs();
  expect(logs).not.toMatch(SLIPPED);
  expect(logs).not.toMatch(/"stack"|\n\s+at /);
  expect(logs).not.toContain(typed);
}

// Each test has its own fakes and server, and spends its time waiting for ticks: they run side by side.
describe.concurrent.each<SlackOutage>([503, 'hang'])('Slack down (%s)', (outage) => {
  it('a digest due meanwhile goes out once when Slack is back; /ckex is still acknowledged; an undeliverable reply is one log line', async ({ onTestFinished }: TestContext) => {
    const slack = await new FakeSlack().start();
    onTestFinished(() => slack.close());
    const dataDir = await seededData(subscription('slack', 'CDOWN'));
    const server = await spawnServer({ DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, CKEX_NOW: NOW });
    onTestFinished(async () => void (await stop(server)));
    const events = `${server.url}/slack/events`;
    slack.down(outage);
    const digests = (calls: { method: string; body: Record<string, any> }[]) => calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'CDOWN');

    // The digest comes due and is tried: Slack does not take it.
    await eventually(() => digests(slack.refused).length > 0, () => 'the digest to be tried while Slack is down');
    expect(digests(slack.calls)).toHaveLength(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // A command is acknowledged within Slack's 3 seconds: the ack is our own HTTP response.
    const started = Date.now();
    const ack = await signedPost(events, slashCommandBody('today', slack.responseUrl('down'), 'UDOWN'), 'application/x-www-form-urlencoded');
    expect(ack.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);
    await ack.text();

    // A reply that needs the Web API (an @mention answered in its thread) cannot be delivered: one log line.
    const mention = await eventCallback(events, { type: 'app_mention', user: 'UDOWN', channel: 'CTALK', text: '<@UBOT> resources zanzibar', ts: '1620133200.000100' });
    expect(mention.status).toBe(200);
    const failed = () => logLines(server).filter(({ line }) => line.level >= 40 && /listener|reply/i.test(String(line.msg)));
    await eventually(() => failed().length > 0, () => `the undelivered reply to be logged; log:\n${server.logs()}`, 60_000);

    // A second tick finds it due again (the first gave its claim back) and Slack still does not take it.
    await eventually(() => failedTicks(server) >= 2, () => `a second tick to try the digest; log:\n${server.logs()}`, 60_000);
    expect(digests(slack.calls)).toHaveLength(0);
    slack.up();
    await eventually(() => digests(slack.calls).length > 0, () => `the digest once Slack is back; log:\n${server.logs()}`, 60_000);
    await sleep(TICK_MS); // and a tick after that posts nothing more
    expect(digests(slack.calls)).toHaveLength(1);
    expect(failed()).toHaveLength(1);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expectCleanLog(server, 'zanzibar');
    expect(await stop(server)).toBe(0);
  }, 150_000);
});

describe.concurrent.each<SlackOutage>([503, 'hang'])('Slack down at start-up (%s)', (outage) => {
  it('the server starts and answers commands in their ack; once Slack answers, mentions are answered in their thread', async ({ onTestFinished }: TestContext) => {
    const slack = await new FakeSlack().start();
    onTestFinished(() => slack.close());
    slack.down(outage);
    const server = await spawnServer({ DATA_DIR: tempDir(), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, CKEX_NOW: NOW });
    onTestFinished(async () => void (await stop(server)));
    const events = `${server.url}/slack/events`;
    expect(slack.refused.some((c) => c.method === 'auth.test')).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // The answer needs nothing from Slack: it travels in the ack.
    const ack = await signedPost(events, slashCommandBody('week 1', slack.responseUrl('start'), 'USTART'), 'application/x-www-form-urlencoded');
    expect(ack.status).toBe(200);
    expect(JSON.stringify(await ack.json())).toMatch(/Week 1/i);

    slack.up();
    await eventually(() => logLines(server).some(({ line }) => /knows who it is/.test(String(line.msg))), () => `Slack to be asked again; log:\n${server.logs()}`, 60_000);
    const mention = await eventCallback(events, { type: 'app_mention', user: 'USTART', channel: 'CTALK', text: '<@UBOT> week 1', ts: '1620133200.000200' });
    expect(mention.status).toBe(200);
    const [reply] = await slack.waitFor('chat.postMessage', 1, 20_000);
    expect(reply!.body).toMatchObject({ channel: 'CTALK', thread_ts: '1620133200.000200' });
    const logs = server.logs();
    expect(logs).not.toMatch(SLIPPED);
    expect(logs).not.toMatch(/"stack"|\n\s+at /);
    expect(await stop(server)).toBe(0);
  }, 150_000);
});

it('a bot token Slack refuses stops start-up, naming the setting', async ({ onTestFinished }: TestContext) => {
  const slack = await new FakeSlack().start();
  onTestFinished(() => slack.close());
  slack.failNext('auth.test', { error: 'invalid_auth' });
  const { code, output } = await failedStart({ DATA_DIR: tempDir(), SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
  expect(code).not.toBe(0);
  expect(output).toMatch(/invalid_auth/);
}, 60_000);

const CHANNEL = '19:down@thread.tacv2';

describe.concurrent.each<ConnectorOutage>([503, 500, 'hang'])('Bot Connector down (%s)', (outage) => {
  it('a channel digest due meanwhile goes out once when Teams is back; a message is still answered over HTTP; an undeliverable reply is one log line', async ({ onTestFinished }: TestContext) => {
    const connector = await new FakeConnector().start();
    onTestFinished(() => connector.close());
    const reference = { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: CHANNEL, conversationType: 'channel', tenantId: 'tenant-1' }, bot: { id: '28:ckex-bot', name: 'CKEx' } };
    const dataDir = await seededData(subscription('teams', CHANNEL), { id: CHANNEL, platform: 'teams', scope: 'channel', reference });
    const server = await spawnServer({ DATA_DIR: dataDir, NODE_ENV: 'development', TEAMS_ALLOW_UNAUTHENTICATED: '1', CKEX_NOW: NOW });
    onTestFinished(async () => void (await stop(server)));
    connector.down(outage);
    const digests = (calls: { conversationId: string }[]) => calls.filter((c) => c.conversationId === CHANNEL);

    await eventually(() => digests(connector.refused).length > 0, () => 'the digest to be tried while the connector is down');
    expect(digests(connector.calls)).toHaveLength(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // A personal message still gets its HTTP answer; its reply cannot be delivered: one log line.
    const res = await within(postActivity(server.url, teamsActivity(connector.url, { text: 'resources zanzibar', from: { id: '29:down', name: 'Participant' } })), 60_000);
    if (!res) throw new Error('the message was never answered');
    expect(res.status).toBeLessThan(500);
    const failed = () => logLines(server).filter(({ line }) => line.level >= 40 && /turn|reply/i.test(String(line.msg)));
    await eventually(() => failed().length > 0, () => `the undelivered reply to be logged; log:\n${server.logs()}`, 60_000);

    await eventually(() => failedTicks(server) >= 2, () => `a second tick to try the digest; log:\n${server.logs()}`, 60_000);
    expect(digests(connector.calls)).toHaveLength(0);
    connector.up();
    await eventually(() => digests(connector.calls).length > 0, () => `the digest once the connector is back; log:\n${server.logs()}`, 60_000);
    await sleep(TICK_MS);
    expect(digests(connector.calls)).toHaveLength(1);
    expect(failed()).toHaveLength(1);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expectCleanLog(server, 'zanzibar');
    expect(await stop(server)).toBe(0);
  }, 150_000);
});
