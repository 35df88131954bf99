// The live post updated in place (issue 24): as questions are asked, voted, answered, hidden and approved, each
// channel's post is replaced (chat.update / updateActivity), at most once a second per message even with two
// schedulers on one store; a platform failing an update is tried again later and nothing throws; once the session
// has ended the post says so and shows the answered questions, once.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Placed, Poster, PostRef } from '../src/core/notify.js';
import { replyToText, type Reply } from '../src/core/reply.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import type { Subscription } from '../src/core/store/records.js';
import { PostScheduler } from '../src/scheduled/scheduler.js';
import { testBot, type TestBot } from './helpers/bot.js';

let bot: TestBot | undefined;
let schedulers: PostScheduler[] = [];

afterEach(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  schedulers = [];
  await bot?.store.close();
  if (bot) rmSync(bot.dataDir, { recursive: true, force: true });
  bot = undefined;
});

const sub = (id: string, channel: string, lang: Subscription['lang'], platform: Subscription['platform']): Subscription => ({ id, platform, channel, lang, time: '23:59', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00.000Z', lastPosted: '2021-05-04' });
const pacing = { slack: { perKey: 1000, global: 1000 }, teams: { perKey: 1000, global: 1000 } };
const org = { id: 'slack:T1:UORG', adminIds: ['UORG'] };

/** A surface that places live posts and records their updates; `down` fails every update. */
function surface(second: () => number) {
  const placed: { channel: string; reply: Reply }[] = [];
  const updates: { channel: string; ref: PostRef; text: string; second: number }[] = [];
  const state = { down: false };
  const poster: Poster = {
    post: async () => 'sent',
    place: async (channel, reply): Promise<Placed> => (placed.push({ channel, reply }), { result: 'sent', ref: { ts: `${placed.length}.0001` } }),
    update: async (channel, ref, reply) => {
      if (state.down) throw new Error('connect ECONNREFUSED');
      updates.push({ channel, ref, text: stripBidi(replyToText(reply)), second: second() });
      return 'sent';
    },
  };
  return { placed, updates, state, poster };
}

async function live(env: Record<string, string> = {}) {
  bot = await testBot('2021-05-04T12:26:00Z', { CKEX_ADMINS: 'UORG', ...env }); // 08:26 New York; w1-d2-a 08:30–10:00
  const b = bot;
  const s = surface(() => Math.floor(b.clock.now().toMillis() / 1000));
  bot.core.notifier.register('slack', s.poster);
  bot.core.notifier.register('teams', s.poster);
  await bot.store.saveSubscription(sub('s-en', 'CEN', 'en', 'slack'));
  await bot.store.saveSubscription(sub('s-fr', '19:fr@thread.tacv2', 'fr', 'teams'));
  const one = new PostScheduler(bot.core, bot.dispatcher, { pacing });
  const two = new PostScheduler(bot.core, bot.dispatcher, { pacing });
  schedulers = [one, two];
  await Promise.all([one.tick(), two.tick()]);
  return { b: bot, s, one, two };
}

/** Moves the clock on a second and lets both schedulers update what is pending. */
async function nextSecond(b: TestBot, ...all: PostScheduler[]): Promise<void> {
  b.clock.set(b.clock.now().plus({ seconds: 1 }).toISO()!);
  await Promise.all(all.map((s) => s.live.updates.flush()));
}

describe('the live post, updated in place', () => {
  it('keeps where each post is, and replaces it with the top questions as they change, once a second per message', async () => {
    const { b, s, one, two } = await live();
    expect(s.placed.map((p) => p.channel).sort()).toEqual(['19:fr@thread.tacv2', 'CEN']);
    expect((await b.store.livePosts('w1-d2-a')).map((p) => p.ref.ts).sort()).toEqual(['1.0001', '2.0001']);
    await b.say('ask w1-d2-a Who pays for the rails?', { id: 'slack:T1:U1' });
    await b.say('poser w1-d2-a Quelle place pour les femmes ?', { id: 'teams:29:u2' });
    await b.say('vote q2', { id: 'slack:T1:U3' });
    // Both schedulers heard every change; within one second only one update per message goes.
    await Promise.all([one.live.updates.flush(), two.live.updates.flush()]);
    await Promise.all([one.live.updates.flush(), two.live.updates.flush()]);
    await nextSecond(b, one, two);
    const en = s.updates.filter((u) => u.channel === 'CEN').at(-1)!;
    expect(en.ref).toEqual({ ts: (await b.store.livePosts('w1-d2-a')).find((p) => p.channel === 'slack:CEN')!.ref.ts });
    expect(en.text).toContain('Who pays for the rails?');
    expect(en.text).toMatch(/q2 · 1 vote · in French/);
    expect(en.text.indexOf('q2')).toBeLessThan(en.text.indexOf('q1'));
    const fr = s.updates.filter((u) => u.channel !== 'CEN').at(-1)!;
    expect(fr.text).toContain('Quelle place pour les femmes ?');
    expect(fr.text).toMatch(/q1 · 0 vote · en anglais/);
    // An instance that found the second taken updates once more (it cannot know the other saw its change); then,
    // nothing changed, nothing more is sent, whichever second it is.
    await nextSecond(b, one, two);
    await nextSecond(b, one, two);
    const settled = s.updates.length;
    await nextSecond(b, one, two);
    expect(s.updates.length).toBe(settled);
    // Answered and hidden ones leave the top questions.
    await b.say('answered q2', org);
    await b.say('hide q1', org);
    await nextSecond(b, one, two);
    const after = s.updates.filter((u) => u.channel === 'CEN').at(-1)!;
    expect(after.text).not.toContain('Who pays for the rails?');
    expect(after.text).not.toContain('Quelle place');
    // Never two updates of one message in the same second, whichever scheduler made them.
    const perSecond = s.updates.map((u) => `${u.channel} ${u.second}`);
    expect(new Set(perSecond).size).toBe(perSecond.length);
  });

  it('shows an approved question once a moderator lets it through, not before', async () => {
    const { b, s, one } = await live({ CKEX_QA_MODERATION: '1' });
    await b.say('ask w1-d2-a Waiting for approval?', { id: 'slack:T1:U1' });
    await nextSecond(b, one);
    expect(s.updates.map((u) => u.text).join('\n')).not.toContain('Waiting for approval?');
    await b.say('publish q1', org);
    await nextSecond(b, one);
    expect(s.updates.at(-1)!.text).toContain('Waiting for approval?');
  });

  it('tries an update again later when the platform is down, and never throws', async () => {
    const { b, s, one, two } = await live();
    s.state.down = true;
    await b.say('ask w1-d2-a Still there?', { id: 'slack:T1:U1' });
    await nextSecond(b, one, two);
    await expect(one.tick()).resolves.toBeDefined();
    expect(s.updates).toEqual([]);
    s.state.down = false;
    await nextSecond(b, one, two);
    expect(s.updates.map((u) => u.channel).sort()).toEqual(['19:fr@thread.tacv2', 'CEN']);
    expect(s.updates.every((u) => u.text.includes('Still there?'))).toBe(true);
  });

  it('turns into the ended form with the answered questions once the session is over, once across instances', async () => {
    const { b, s, one, two } = await live();
    await b.say('ask w1-d2-a Answered one?', { id: 'slack:T1:U1' });
    await b.say('ask w1-d2-a Left open?', { id: 'slack:T1:U2' });
    await b.say('answered q1', org);
    await nextSecond(b, one, two);
    const before = s.updates.length;
    b.clock.set('2021-05-04T14:01:00Z');
    await Promise.all([one.tick(), two.tick()]);
    await Promise.all([one.tick(), two.tick()]);
    const ended = s.updates.slice(before);
    expect(ended.map((u) => u.channel).sort()).toEqual(['19:fr@thread.tacv2', 'CEN']);
    const en = ended.find((u) => u.channel === 'CEN')!.text;
    expect(en).toContain('The session has ended');
    expect(en).toContain('Answered one?');
    expect(en).not.toContain('Left open?');
  });
});
