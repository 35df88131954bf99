// Follow-ups (issue 23): what the bot last showed a person is the referent of "it", "the second one", « ajoute-la »,
// «أضفها», and the day "the next day" moves from; for ten minutes, per user and per conversation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { testBot, type TestBot } from '../helpers/bot.js';
import { observe } from './observe.js';

let bot: TestBot;
beforeEach(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterEach(() => bot.store.close());

let people = 0;
function participant(channel?: string) {
  const caller = { id: `slack:T1:follow-${++people}` };
  const options = { conversational: !channel, ...(channel ? { channel: { platform: 'slack' as const, id: channel }, shared: true } : {}) };
  return { id: caller.id, reply: (text: string) => bot.reply(text, caller, options), in: (other: string) => ({ reply: (text: string) => bot.reply(text, caller, { channel: { platform: 'slack', id: other }, shared: true }) }) };
}
const seen = (reply: Reply) => observe(bot.core, reply);

describe('follow-ups act on what was last shown', () => {
  it.each([
    ['when is the session on digital payments?', 'add it to my agenda', 'w2-d2-b'],
    ['quand a lieu la séance sur les paiements numériques ?', 'ajoute-la à mon programme', 'w2-d2-b'],
    ['متى جلسة المدفوعات الرقمية؟', 'أضفها إلى جدولي', 'w2-d2-b'],
    ['talks about ageing', 'star that one', 'w4-d2-a'],
  ])('"%s" then "%s" stars it', async (first, then, id) => {
    const p = participant();
    await p.reply(first);
    expect(seen(await p.reply(then)).actions).toContain(`star:${id}`);
    expect((await bot.store.starsOf(p.id)).map((s) => s.sessionId)).toEqual([id]);
  });

  it('"the second one" after a day is its second session; "when is it?" after a session is that session', async () => {
    const p = participant();
    await p.reply("what's on thursday?");
    expect(seen(await p.reply('star the second one')).actions).toContain('star:w1-d4-b');
    await p.reply('where is the ID4D session?');
    expect(seen(await p.reply('when is it?')).session).toBe('w2-d2-a');
  });

  it.each([
    ["what's on thursday?", 'the next day', '2021-05-07'],
    ['programme de jeudi', 'et le lendemain ?', '2021-05-07'],
    ['ماذا يوجد يوم الخميس؟', 'وبعده؟', '2021-05-07'],
    ['agenda friday', 'the next day', '2021-05-10'],
  ])('"%s" then "%s" is %s', async (first, then, day) => {
    const p = participant();
    await p.reply(first);
    expect(seen(await p.reply(then)).day).toBe(day);
  });

  it('forgets after ten minutes, and in another conversation', async () => {
    const p = participant();
    await p.reply('when is the session on digital payments?');
    expect(seen(await p.in('C-OTHER').reply('add it to my agenda')).actions).not.toContain('star:w2-d2-b');
    bot.clock.set('2021-05-04T14:11:00Z');
    expect(seen(await p.reply('add it to my agenda')).actions).not.toContain('star:w2-d2-b');
    expect(await bot.store.starsOf(p.id)).toEqual([]);
  });

  it('works in a channel too, for each person apart', async () => {
    const a = participant('C-ROOM');
    const b = participant('C-ROOM');
    await a.reply('when is the session on digital payments?');
    await b.reply('talks about ageing');
    expect(seen(await a.reply('remind me of that one')).actions).toContain('star:w2-d2-b');
    expect(seen(await b.reply('star it')).actions).toContain('star:w4-d2-a');
  });

  it('is kept in the store, erased with the rest by me delete', async () => {
    const p = participant();
    await p.reply('when is the session on digital payments?');
    expect((await bot.store.user(p.id))?.shown?.sessions).toEqual(['w2-d2-b']);
    await p.reply('me delete');
    await p.reply('yes');
    expect(await bot.store.user(p.id)).toBeUndefined();
  });
});
