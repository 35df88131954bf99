// The live post (issue 24): CKEX_LIVE_MINUTES before each session, once to each subscribed channel in its language,
// across ticks, restarts and a second scheduler; a question asked shows in a later one; the end says it is over.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { replyToText, type Reply } from '../src/core/reply.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { PostScheduler } from '../src/scheduled/scheduler.js';
import type { Subscription } from '../src/core/store/records.js';
import { livePostReply } from '../src/views/live/index.js';
import { testBot, type TestBot } from './helpers/bot.js';
import { poster } from './helpers/poster.js';

let bot: TestBot | undefined;

afterEach(async () => {
  await bot?.store.close();
  if (bot) rmSync(bot.dataDir, { recursive: true, force: true });
  bot = undefined;
});

const sub = (id: string, channel: string, lang: Subscription['lang'], platform: Subscription['platform'] = 'slack'): Subscription => ({ id, platform, channel, lang, time: '23:59', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00.000Z', lastPosted: '2021-05-04' });
const pacing = { slack: { perKey: 1000, global: 1000 }, teams: { perKey: 1000, global: 1000 } };

describe('live posts', () => {
  it('go once at T-5 to each subscribed channel in its language, and never twice', async () => {
    bot = await testBot('2021-05-04T12:20:00Z'); // 08:20 New York; w1-d2-a starts 08:30
    const posts: { channel: string; reply: Reply }[] = [];
    const to = poster({ toChannel: (channel, reply) => (posts.push({ channel, reply }), true) });
    bot.core.notifier.register('slack', to);
    bot.core.notifier.register('teams', to);
    await bot.store.saveSubscription(sub('s-fr', 'CFR', 'fr'));
    await bot.store.saveSubscription(sub('s-ar', '19:ar@thread.tacv2', 'ar', 'teams'));
    const one = new PostScheduler(bot.core, bot.dispatcher, { pacing });
    const two = new PostScheduler(bot.core, bot.dispatcher, { pacing });
    await one.tick();
    expect(posts.filter((p) => p.reply.blocks[0]?.type === 'header' && JSON.stringify(p.reply).includes('questions w1-d2-a'))).toEqual([]);
    bot.clock.set('2021-05-04T12:25:00Z');
    await Promise.all([one.tick(), two.tick()]);
    await one.tick();
    const live = posts.filter((p) => JSON.stringify(p.reply).includes('questions w1-d2-a'));
    expect(live.map((p) => p.channel).sort()).toEqual(['19:ar@thread.tacv2', 'CFR']);
    const fr = stripBidi(replyToText(live.find((p) => p.channel === 'CFR')!.reply));
    expect(fr).toContain('En direct');
    expect(fr).toContain('poser w1-d2-a');
    const ar = stripBidi(replyToText(live.find((p) => p.channel !== 'CFR')!.reply));
    expect(ar).toContain('سؤال w1-d2-a');
    // A channel subscribed once the session runs gets no late post for it.
    await bot.store.saveSubscription(sub('s-en', 'CEN', 'en'));
    bot.clock.set('2021-05-04T12:31:00Z');
    await one.tick();
    expect(posts.filter((p) => p.channel === 'CEN' && JSON.stringify(p.reply).includes('questions w1-d2-a'))).toEqual([]);
  });

  it('shows the top questions while open, and the answered ones once the session has ended', async () => {
    bot = await testBot('2021-05-04T12:40:00Z', { CKEX_ADMINS: 'UORG' });
    await bot.say('ask w1-d2-a Top one?', { id: 'slack:T1:U1' });
    await bot.say('ask w1-d2-a Other one?', { id: 'slack:T1:U2' });
    await bot.say('vote q2', { id: 'slack:T1:U3' });
    await bot.say('answered q1', { id: 'slack:T1:UORG', adminIds: ['UORG'] });
    const timed = bot.core.agenda.session('w1-d2-a')!;
    const ctx = await bot.dispatcher.context({ id: 'digest:x' }, '', { shared: true });
    const during = stripBidi(replyToText(livePostReply(ctx, timed, await bot.store.questionsOf('w1-d2-a'), 'ask')));
    expect(during).toContain('Other one?');
    expect(during).not.toContain('Top one?');
    bot.clock.set('2021-05-04T14:10:00Z');
    const after = await bot.dispatcher.context({ id: 'digest:x' }, '', { shared: true });
    const ended = stripBidi(replyToText(livePostReply(after, timed, await bot.store.questionsOf('w1-d2-a'), 'ask')));
    expect(ended).toContain('The session has ended');
    expect(ended).toContain('Top one?');
    expect(ended).not.toContain('Other one?');
  });
});
