// Digests end to end: subscribe through a signed Slack command and a Teams activity, then the digest arrives at
// the fake Slack Web API and the fake Bot Connector; a 429 is waited out; a gone channel pauses.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { LowdbStore } from '../src/store/lowdb/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';
import { FakeConnector, postActivity, teamsActivity } from './helpers/fake-connector.js';
import { FakeSlack } from './helpers/fake-slack.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { SIGNING_SECRET, slashCommand } from './helpers/slack-requests.js';
import { spawnServer } from './helpers/spawn-server.js';

let slack: FakeSlack;
let connector: FakeConnector;
let server: TestServer;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  connector = await new FakeConnector().start();
  server = await startTestServer('2021-05-04T04:00:00Z', {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    CKEX_ADMINS: 'UORG,0a0a0a0a-0000-4000-8000-00000000a0a0',
    CKEX_ORGANISERS_CHANNEL: 'slack:CORG',
  });
});
afterAll(async () => {
  await server.close();
  await slack.close();
  await connector.close();
});
beforeEach(() => {
  slack.calls.length = 0;
  connector.calls.length = 0;
});

const text = (x: unknown) => stripBidi(JSON.stringify(x));

describe('subscribing and receiving', () => {
  it('a Slack channel subscribed with /ckex subscribe receives the digest at its local time, with date tokens', async () => {
    await slashCommand(`${server.url}/slack/events`, 'subscribe fr 09:00 Europe/Paris', slack.responseUrl(), 'UORG');
    const [ack] = await slack.waitFor('respond');
    expect(text(ack!.body.blocks)).toContain('09:00 (Europe/Paris)');
    slack.calls.length = 0;
    server.clock.set('2021-05-04T07:00:00Z');
    const report = await server.running.scheduler.tick();
    expect(report.posted).toEqual(['slack:C1:fr']);
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('C1');
    expect(text(post!.body.blocks)).toContain('mardi 4 mai 2021');
    expect(text(post!.body.blocks)).toContain('<!date^1620131400^{time}|');
  });

  it('a Teams channel subscribed by an @mention receives an Arabic card', async () => {
    await postActivity(server.url, teamsActivity(connector.url, { conversationType: 'channel', conversation: { id: '19:digest@thread.tacv2', conversationType: 'channel' }, from: { id: '29:org', aadObjectId: '0a0a0a0a-0000-4000-8000-00000000a0a0' }, text: '<at>CKEx</at> subscribe ar 10:00 Asia/Riyadh', entities: [{ type: 'mention', text: '<at>CKEx</at>', mentioned: { id: '28:ckex-bot' } }] }));
    await connector.waitFor();
    connector.calls.length = 0;
    server.clock.set('2021-05-04T07:00:00Z');
    await server.running.scheduler.tick();
    const [call] = await connector.waitFor();
    expect(call!.conversationId).toBe('19:digest@thread.tacv2');
    const card = call!.activity.attachments[0].content;
    expect(card.rtl).toBe(true);
    expect(text(card)).toContain('الثلاثاء، 4 مايو/أيار 2021');
    expect(text(card)).toContain('{{TIME(2021-05-04T12:30:00Z)}}');
  });

  it('waits out a 429 with Retry-After, then posts once', async () => {
    await slashCommand(`${server.url}/slack/events`, 'subscribe en 08:00', slack.responseUrl(), 'UORG');
    await slack.waitFor('respond');
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    server.clock.set('2021-05-05T12:05:00Z');
    const report = await server.running.scheduler.tick();
    expect(report.posted).toContain('slack:C1:en');
    expect(slack.of('chat.postMessage').filter((c) => text(c.body.blocks).includes('Wednesday, 5 May 2021'))).toHaveLength(1);
  });

  it('pauses a subscription whose channel is gone and tells the organisers', async () => {
    const store = server.store;
    server.clock.set('2021-05-06T12:05:00Z');
    await server.running.scheduler.tick(); // the day's other digests go out first
    await store.saveSubscription({ id: 'slack:CARCHIVED:en', platform: 'slack', channel: 'CARCHIVED', lang: 'en', time: '10:30', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00Z' });
    slack.failNext('chat.postMessage', { error: 'is_archived' });
    server.clock.set('2021-05-06T14:35:00Z');
    const report = await server.running.scheduler.tick();
    expect(report.paused).toEqual(['slack:CARCHIVED:en']);
    expect((await store.subscription('slack:CARCHIVED:en'))?.paused).toBeDefined();
    const notices = slack.of('chat.postMessage').filter((c) => c.body.channel === 'CORG');
    expect(text(notices[0]!.body.blocks)).toContain('slack:CARCHIVED');
  });
});

describe('npm start', () => {
  it('done when: at CKEX_NOW 12:58Z a channel subscribed at 09:00 New York gets 4 May’s digest after 13:00Z, once, and nothing more after a restart', async () => {
    const dataDir = tempDir();
    const store = await LowdbStore.open(dataDir, { personalPosts });
    await store.saveSubscription({ id: 'slack:CDONE:en', platform: 'slack', channel: 'CDONE', lang: 'en', time: '09:00', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00Z' });
    await store.close();
    const env = { DATA_DIR: dataDir, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl };
    // 12:59:50Z rather than 12:58Z keeps the test short: the clock runs on in real time either way.
    const first = await spawnServer({ ...env, CKEX_NOW: '2021-05-04T12:59:50Z' });
    try {
      const [post] = await slack.waitFor('chat.postMessage', 1, 30_000);
      expect(post!.body.channel).toBe('CDONE');
      expect(text(post!.body.blocks)).toContain('Tuesday, 4 May 2021');
    } finally {
      await first.stop();
    }
    const second = await spawnServer({ ...env, CKEX_NOW: '2021-05-04T13:01:00Z' });
    try {
      await new Promise((r) => setTimeout(r, 11_000)); // one start-up catch-up and at least one scheduled tick
      expect(slack.of('chat.postMessage')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
