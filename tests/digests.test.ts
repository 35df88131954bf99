// The digest scheduler with a clock the test moves: local times, once per day, restarts, catch-up, gone channels,
// weekends, the days around the event, and a daylight-saving change.
import { poster } from './helpers/poster.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { replyToText, type Reply } from '../src/core/reply.js';
import { PostScheduler } from '../src/scheduled/index.js';
import type { PostResult } from '../src/core/notify.js';
import type { Subscription } from '../src/core/store/records.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { testBot, type TestBot } from './helpers/bot.js';

interface Post {
  sub: string;
  at: string;
  text: string;
  reply: Reply;
}

let bot: TestBot;
let scheduler: PostScheduler;
let posts: Post[];
let outcome: (sub: Subscription) => PostResult;
const organisers: string[] = [];

async function boot(now: string, dataDir?: string): Promise<void> {
  bot = await testBot(now, { CKEX_ADMINS: 'UORGANISER', CKEX_ORGANISERS_CHANNEL: 'slack:CORG', ...(dataDir ? { DATA_DIR: dataDir } : {}) });
  // Real pacing waits a second between posts to one channel; here the clock is the test's, so pace freely.
  scheduler = new PostScheduler(bot.core, bot.dispatcher, { pacing: { slack: { perKey: 1000, global: 1000 }, teams: { perKey: 1000, global: 1000 } } });
  // A digest's subscription is its channel and language (`<platform>:<channel>:<lang>`).
  const digests = (platform: 'slack' | 'teams') => async (channel: string, reply: Reply): Promise<PostResult> => {
    if (platform === 'slack' && channel === 'CORG') return (organisers.push(replyToText(reply)), 'sent');
    // Live posts before each session go to the same channels (tests/live-posts.test.ts): these tests count digests.
    if (reply.blocks.some((b) => b.type === 'actions' && b.buttons.some((x) => x.command?.startsWith('questions ')))) return 'sent';
    const sub = (await bot.store.subscription(`${platform}:${channel}:${reply.lang}`))!;
    const result = outcome(sub);
    if (result === 'sent') posts.push({ sub: sub.id, at: bot.clock.now().toISO()!, text: stripBidi(replyToText(reply)), reply });
    return result;
  };
  bot.core.notifier.register('slack', poster({ toChannel: digests('slack') }));
  bot.core.notifier.register('teams', poster({ toChannel: digests('teams') }));
}

const subscribe = (channel: { platform: 'slack' | 'teams'; id: string }, args: string) =>
  bot.say(`subscribe ${args}`, { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] }, { channel });

beforeEach(async () => {
  posts = [];
  organisers.length = 0;
  outcome = () => 'sent';
  await boot('2021-05-04T04:00:00Z');
});
afterEach(() => bot.store.close());

async function at(iso: string): Promise<void> {
  bot.clock.set(iso);
  await scheduler.tick();
}

describe('subscriptions', () => {
  it('subscribe stores language, time and zone, with defaults and clear errors', async () => {
    expect(await subscribe({ platform: 'slack', id: 'C1' }, '')).toContain('in English at 08:00 (America/New_York)');
    expect(await bot.say("s'abonner fr 9h30 Europe/Paris", { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] }, { channel: { platform: 'slack', id: 'C1' } })).toContain('en français à 09:30 (Europe/Paris)');
    // A conversation keeps the language last written in (issue 11): the organiser goes back to English.
    await bot.say('lang en', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] });
    expect(await subscribe({ platform: 'slack', id: 'C1' }, '25:00')).toContain('is not a time');
    expect(await subscribe({ platform: 'slack', id: 'C1' }, 'Mars/Base')).toContain('is not a time zone');
    expect(await bot.say('subscribe', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] })).toContain('Run this in the Slack channel');
    expect(await bot.say('subscribe', { id: 'test:nobody' }, { channel: { platform: 'slack', id: 'C1' } })).toContain('only the organisers');
    const list = await bot.say('subscriptions', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] });
    expect(list).toContain('2 digest subscriptions');
    expect(list).toContain('slack:C1 · English · 08:00, Washington time (UTC-4) · next: Tuesday, 4 May 2021, 08:00');
    expect(await bot.say('unsubscribe fr', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] }, { channel: { platform: 'slack', id: 'C1' } })).toContain('1 digest subscription removed');
    expect((await bot.store.subscriptions()).map((s) => s.lang)).toEqual(['en']);
  });
});

describe('posting', () => {
  it('posts three subscriptions in different zones and languages at their local times, once', async () => {
    await subscribe({ platform: 'slack', id: 'CNY' }, 'en 09:00 America/New_York');
    await subscribe({ platform: 'slack', id: 'CPARIS' }, 'fr 08:00 Europe/Paris');
    await subscribe({ platform: 'teams', id: '19:riyadh' }, 'ar 10:00 Asia/Riyadh');
    await at('2021-05-04T05:59:00Z');
    expect(posts).toHaveLength(0);
    await at('2021-05-04T06:00:00Z'); // 08:00 in Paris
    expect(posts.map((p) => p.sub)).toEqual(['slack:CPARIS:fr']);
    await at('2021-05-04T07:00:00Z'); // 10:00 in Riyadh
    await at('2021-05-04T12:59:00Z');
    await at('2021-05-04T13:00:00Z'); // 09:00 in New York
    for (let m = 1; m < 120; m += 10) await at(DateTime.fromISO('2021-05-04T13:00:00Z').plus({ minutes: m }).toISO()!);
    expect(posts.map((p) => p.sub)).toEqual(['slack:CPARIS:fr', 'teams:19:riyadh:ar', 'slack:CNY:en']);
    expect(posts[0]!.text).toContain('mardi 4 mai 2021');
    expect(posts[1]!.text).toContain('الثلاثاء، 4 مايو/أيار 2021');
    expect(posts[2]!.text).toContain('Tuesday, 4 May 2021');
  });

  it('does not double a post across a restart, and posts on restart what was due but not posted', async () => {
    await subscribe({ platform: 'slack', id: 'CNY' }, 'en 09:00 America/New_York');
    await at('2021-05-04T13:05:00Z');
    expect(posts).toHaveLength(1);
    const dir = bot.dataDir;
    await bot.store.close();
    await boot('2021-05-04T13:06:00Z', dir);
    await scheduler.tick();
    expect(posts).toHaveLength(1);
    // Due at 13:00 on the 5th, but the bot is down until 13:30: caught up at start.
    await bot.store.close();
    await boot('2021-05-05T13:30:00Z', dir);
    await scheduler.tick();
    expect(posts).toHaveLength(2);
    expect(posts[1]!.text).toContain('Wednesday, 5 May 2021');
  });

  it('catches up a missed digest only while the day’s sessions last', async () => {
    await subscribe({ platform: 'slack', id: 'CNY' }, 'en 07:00 America/New_York');
    await at('2021-05-04T15:59:00Z'); // 11:59 in New York: the last session ends at 12:00
    expect(posts).toHaveLength(1);
    await at('2021-05-05T16:00:00Z'); // the 5th's sessions are over
    expect(posts).toHaveLength(1);
  });

  it('retries a failed post on the next tick, and pauses a gone channel telling the organisers', async () => {
    await subscribe({ platform: 'slack', id: 'CFLAKY' }, 'en 09:00 America/New_York');
    await subscribe({ platform: 'slack', id: 'CGONE' }, 'en 09:00 America/New_York');
    let flaky = 0;
    outcome = (sub) => (sub.channel === 'CGONE' ? 'gone' : flaky++ === 0 ? 'failed' : 'sent');
    const first = await (async () => {
      bot.clock.set('2021-05-04T13:00:00Z');
      return scheduler.tick();
    })();
    expect(first).toMatchObject({ posted: [], paused: ['slack:CGONE:en'], failed: ['slack:CFLAKY:en'] });
    expect((await bot.store.subscription('slack:CGONE:en'))?.paused?.reason).toBe('channel-gone');
    expect(organisers[0]).toContain('slack:CGONE');
    await at('2021-05-04T13:10:00Z');
    expect(posts.map((p) => p.sub)).toEqual(['slack:CFLAKY:en']);
    await at('2021-05-05T13:10:00Z');
    expect(posts.map((p) => p.sub)).toEqual(['slack:CFLAKY:en', 'slack:CFLAKY:en']);
  });

  it('posts on event weekdays only, announces the event the Friday before, and stops after the last day', async () => {
    await subscribe({ platform: 'slack', id: 'CNY' }, 'en 09:00 America/New_York');
    for (let day = DateTime.fromISO('2021-04-26T14:00:00Z'); day < DateTime.fromISO('2021-06-05T00:00:00Z'); day = day.plus({ days: 1 })) await at(day.toISO()!);
    const dates = posts.map((p) => p.at.slice(0, 10));
    expect(dates[0]).toBe('2021-04-30');
    expect(posts[0]!.text).toContain('CKEx starts on Monday');
    expect(dates.slice(1)).toEqual(bot.core.agenda.days);
    expect(dates).not.toContain('2021-05-08');
    expect(dates.filter((d) => d > '2021-05-26')).toEqual([]);
  });

  it('posts on the days sessions happen where the channel is: Auckland gets Friday’s sessions on Saturday', async () => {
    // At midnight: Washington's 08:30 is half past midnight there.
    await subscribe({ platform: 'slack', id: 'CAKL' }, 'en 00:00 Pacific/Auckland');
    for (let t = DateTime.fromISO('2021-05-06T12:00:00Z'); t < DateTime.fromISO('2021-05-11T12:00:00Z'); t = t.plus({ minutes: 30 })) await at(t.toISO()!);
    const local = posts.map((p) => DateTime.fromISO(p.at).setZone('Pacific/Auckland').toISODate());
    // Washington's Thursday to Monday happens in Auckland from Friday morning to Tuesday morning.
    expect(local).toEqual(['2021-05-07', '2021-05-08', '2021-05-11']);
    expect(posts[1]!.text).toContain('Saturday, 8 May 2021');
    expect(posts[1]!.text).toContain('w1-d5-a');
  });

  it('keeps 08:00 local across the daylight-saving change of Casablanca on 16 May 2021, once a day', async () => {
    await subscribe({ platform: 'slack', id: 'CRABAT' }, 'fr 08:00 Africa/Casablanca');
    for (let t = DateTime.fromISO('2021-05-13T00:00:00Z'); t < DateTime.fromISO('2021-05-19T00:00:00Z'); t = t.plus({ minutes: 10 })) await at(t.toISO()!);
    expect(posts.map((p) => p.at)).toEqual([
      '2021-05-13T08:00:00.000Z', // UTC+0 during Ramadan
      '2021-05-14T08:00:00.000Z',
      '2021-05-17T07:00:00.000Z', // UTC+1 again from 16 May
      '2021-05-18T07:00:00.000Z',
    ]);
  });
});

describe('the digest', () => {
  it('opens the week on Monday, lists the sessions with format, interpretation, resources and buttons', async () => {
    const monday = await bot.reply('digest 2021-05-10', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] });
    const text = stripBidi(replyToText(monday));
    expect(text).toContain('This week opens: week 2, Tools and innovations');
    expect(text).toContain('w2-d1-a');
    expect(text).toContain('simultaneous interpretation into Arabic and French');
    expect(monday.blocks.filter((b) => b.type === 'section').length).toBeGreaterThanOrEqual(2);
    expect(monday.blocks.filter((b) => b.type === 'section').length).toBeLessThanOrEqual(3);
    const buttons = monday.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.command) : []));
    expect(buttons).toEqual(['register', 'agenda 2021-05-10', 'week 2']);
  });

  it('names the special topics of the day in week 4, in three languages', async () => {
    expect(await bot.say('digest 24 May', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] })).toContain("Today's special topics");
    expect(await bot.say('résumé 25 mai', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] })).toContain('Semaine 4');
    expect(await bot.say('الملخص 26 مايو', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] })).toContain('الأسبوع 4');
    expect(await bot.say('digest 8 May', { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] })).toContain('There is no digest on Saturday, 8 May 2021');
  });
});
