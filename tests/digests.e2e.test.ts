// Digests end to end: subscribe through a signed Slack command and a Teams activity, then the digest arrives at
// the fake Slack Web API and the fake Bot Connector; a 429 is waited out; a gone channel pauses.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { LowdbStore } from '../src/store/lowdb/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { poll } from './helpers/poll.js';
import { slashCommand } from './helpers/slack-requests.js';

const e2e = useE2e({ now: '2021-05-04T04:00:00Z', env: { CKEX_ADMINS: 'UORG,0a0a0a0a-0000-4000-8000-00000000a0a0', CKEX_ORGANISERS_CHANNEL: 'slack:CORG' } });
const { slack, connector } = e2e;

const text = (x: unknown) => stripBidi(JSON.stringify(x));

describe('subscribing and receiving', () => {
  it('a Slack channel subscribed with /ckex subscribe receives the digest at its local time, with date tokens', async () => {
    await slashCommand(e2e.events, 'subscribe fr 09:00 Europe/Paris', slack.responseUrl(), 'UORG');
    const [ack] = await slack.waitFor('respond');
    expect(text(ack!.body.blocks)).toContain('09:00 (Europe/Paris)');
    slack.calls.length = 0;
    e2e.server.clock.set('2021-05-04T07:00:00Z');
    const report = await e2e.server.running.scheduler.tick();
    expect(report.posted).toEqual(['slack:C1:fr']);
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('C1');
    expect(text(post!.body.blocks)).toContain('mardi 4 mai 2021');
    expect(text(post!.body.blocks)).toContain('<!date^1620131400^{time}|');
  });

  it('a Teams channel subscribed by an @mention receives an Arabic card', async () => {
    await postActivity(e2e.server.url, teamsActivity(connector.url, { conversationType: 'channel', conversation: { id: '19:digest@thread.tacv2', conversationType: 'channel' }, from: { id: '29:org', aadObjectId: '0a0a0a0a-0000-4000-8000-00000000a0a0' }, text: '<at>CKEx</at> subscribe ar 10:00 Asia/Riyadh', entities: [{ type: 'mention', text: '<at>CKEx</at>', mentioned: { id: '28:ckex-bot' } }] }));
    await connector.waitFor();
    connector.calls.length = 0;
    e2e.server.clock.set('2021-05-04T07:00:00Z');
    await e2e.server.running.scheduler.tick();
    const [call] = await connector.waitFor();
    expect(call!.conversationId).toBe('19:digest@thread.tacv2');
    const card = call!.activity.attachments[0].content;
    expect(card.rtl).toBe(true);
    expect(text(card)).toContain('الثلاثاء، 4 مايو/أيار 2021');
    expect(text(card)).toContain('{{TIME(2021-05-04T12:30:00Z)}}');
  });

  it('waits out a 429 with Retry-After, then posts once', async () => {
    await slashCommand(e2e.events, 'subscribe en 08:00', slack.responseUrl(), 'UORG');
    await slack.waitFor('respond');
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    e2e.server.clock.set('2021-05-05T12:05:00Z');
    const report = await e2e.server.running.scheduler.tick();
    expect(report.posted).toContain('slack:C1:en');
    expect(slack.of('chat.postMessage').filter((c) => text(c.body.blocks).includes('Wednesday, 5 May 2021'))).toHaveLength(1);
  });

  it('pauses a subscription whose channel is gone and tells the organisers', async () => {
    const store = e2e.server.store;
    e2e.server.clock.set('2021-05-06T12:05:00Z');
    await e2e.server.running.scheduler.tick(); // the day's other digests go out first
    await store.saveSubscription({ id: 'slack:CARCHIVED:en', platform: 'slack', channel: 'CARCHIVED', lang: 'en', time: '10:30', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00Z' });
    slack.failNext('chat.postMessage', { error: 'is_archived' });
    e2e.server.clock.set('2021-05-06T14:35:00Z');
    const report = await e2e.server.running.scheduler.tick();
    expect(report.paused).toEqual(['slack:CARCHIVED:en']);
    expect((await store.subscription('slack:CARCHIVED:en'))?.paused).toBeDefined();
    const notices = slack.of('chat.postMessage').filter((c) => c.body.channel === 'CORG');
    expect(text(notices[0]!.body.blocks)).toContain('slack:CARCHIVED');
  });
});

const isLivePost = (c: { body: { blocks?: unknown } }): boolean => text(c.body.blocks).includes('Live:');

describe('npm start', () => {
  it('done when: at CKEX_NOW 12:58Z a channel subscribed at 09:00 New York gets 4 May’s digest after 13:00Z, once, and nothing more after a restart', async () => {
    const dataDir = tempDir();
    const store = await LowdbStore.open(dataDir, { personalPosts });
    await store.saveSubscription({ id: 'slack:CDONE:en', platform: 'slack', channel: 'CDONE', lang: 'en', time: '09:00', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00Z' });
    await store.close();
    const npmStart = (now: string, env: Record<string, string> = {}) => e2e.another({ spawn: true, platforms: ['slack'], now, env: { DATA_DIR: dataDir, ...env } });
    // 12:59:50Z rather than 12:58Z keeps the test short: the clock runs on in real time either way.
    const first = await npmStart('2021-05-04T12:59:50Z');
    try {
      // The live post of the session running then goes to the channel too (tests/live-posts.test.ts): the digest is the other one.
      const post = await slack.waitForOne('chat.postMessage', (c) => !isLivePost(c), 30_000);
      expect(post!.body.channel).toBe('CDONE');
      expect(text(post!.body.blocks)).toContain('Tuesday, 4 May 2021');
    } finally {
      await first.close();
    }
    const second = await npmStart('2021-05-04T13:01:00Z', { CKEX_ADMINS: 'UORG' });
    try {
      // A channel subscribed once it runs, past its 09:00: posted at the first scheduled tick after the start-up
      // catch-up, and once that tick is logged as done, whatever it or the catch-up posted has come.
      await slashCommand(second.events, 'subscribe en 09:00 America/New_York', slack.responseUrl('marker'), 'UORG');
      await slack.waitForOne('chat.postMessage', (c) => c.body.channel === 'C1' && !isLivePost(c), 15_000);
      await poll(() => (/"posted":[1-9][^\n]*"msg":"digest tick"/.test(second.server.logs()) || undefined), () => `the tick that posted it:\n${second.server.logs()}`);
      expect(slack.of('chat.postMessage').filter((c) => !isLivePost(c)).map((c) => c.body.channel)).toEqual(['CDONE', 'C1']);
    } finally {
      await second.close();
    }
  }, 60_000);
});
