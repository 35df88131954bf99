// The Adaptive Card renderer on its own, every card the commands produce checked by the adaptivecards parser,
// and the retry policy for Teams sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCards } from '../src/bots/teams/render.js';
import { isGone, withRetry } from '../src/bots/teams/send.js';
import { homeReply } from '../src/views/home.js';
import type { Reply } from '../src/core/reply.js';
import { cardProblems } from './helpers/adaptive-cards.js';
import { testBot, type TestBot } from './helpers/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterAll(() => bot.store.close());

describe('Adaptive Card renderer', () => {
  it('renders each block kind as Adaptive Card 1.5', () => {
    const reply: Reply = {
      lang: 'en',
      blocks: [
        { type: 'header', text: 'Week 2' },
        { type: 'text', text: [{ at: '2021-05-12T12:30:00.000Z', style: 'time', text: '08:30' }, ' MIS_data'] },
        { type: 'divider' },
        { type: 'fields', fields: [{ label: 'When', value: ['Today'] }] },
        { type: 'actions', buttons: [{ label: 'Week 2', command: 'week 2', style: 'primary' }, { label: 'Calendar', url: 'https://x.org/a.ics' }] },
      ],
    };
    const [card] = renderCards(reply, { localTimes: true });
    expect(card).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Week 2', size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
        { type: 'TextBlock', text: '{{TIME(2021-05-12T12:30:00Z)}} MIS\\_data', wrap: true },
        { type: 'FactSet', facts: [{ title: 'When', value: 'Today' }], separator: true, spacing: 'Medium' },
        {
          type: 'ActionSet',
          actions: [
            { type: 'Action.Execute', title: 'Week 2', verb: 'ckex', data: { ckex: 'week 2', lang: 'en' }, style: 'positive' },
            { type: 'Action.OpenUrl', title: 'Calendar', url: 'https://x.org/a.ics' },
          ],
        },
      ],
      lang: 'en',
      fallbackText: expect.stringContaining('Week 2'),
      msteams: { width: 'Full' },
    });
    expect(renderCards({ ...reply, lang: 'ar' }, { localTimes: false })[0]!.rtl).toBe(true);
  });

  it('splits a long reply into cards small enough for Teams', () => {
    const reply: Reply = { lang: 'en', blocks: Array.from({ length: 400 }, (_, i) => ({ type: 'text' as const, text: [`line ${i} `.repeat(20)] })) };
    const cards = renderCards(reply, { localTimes: false });
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) expect(Buffer.byteLength(JSON.stringify(c))).toBeLessThan(28_000);
    expect(cards.flatMap((c) => c.body)).toHaveLength(400);
  });

  const commands = ['help', 'today', 'tomorrow', 'now', 'week 2', 'week 4', 'agenda 8 May', 'session w4-d1-a', 'resources ethiopia', 'resources', 'lang', 'todya', 'week 9'];
  it.each(['en', 'fr', 'ar'] as const)('every card in %s parses without errors in the adaptivecards renderer', async (lang) => {
    for (const command of commands) {
      const reply = await bot.reply(command, { id: `cards-${lang}`, platformLocale: lang });
      for (const shared of [false, true]) {
        for (const card of renderCards(reply, { localTimes: shared })) expect(cardProblems(card), `${lang} ${command}`).toEqual([]);
      }
    }
    const home = homeReply(await bot.dispatcher.context({ id: 'home', platformLocale: lang }, ''));
    for (const card of renderCards(home, { localTimes: false })) expect(cardProblems(card)).toEqual([]);
  });
});

describe('Teams send policy', () => {
  const failure = (statusCode: number, code?: string, retryAfter?: string) =>
    Object.assign(new Error('fail'), { statusCode, code, response: { headers: { get: (n: string) => (n === 'retry-after' ? retryAfter : undefined) } } });

  it('retries 429 and 412, honouring Retry-After, then succeeds', async () => {
    const errors = [failure(429, undefined, '0'), failure(412), failure(429, undefined, '0'), failure(412)];
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      const next = errors.shift();
      if (next) throw next;
      return 'ok';
    }, { attempts: 6, baseMs: 1, maxMs: 4 });
    expect(result).toBe('ok');
    expect(calls).toBe(5);
  });

  it('does not retry other failures (a 5xx was retried by the connector client already), and gives up after the last attempt', async () => {
    let calls = 0;
    for (const status of [400, 502, 503, 504]) {
      await expect(withRetry(async () => {
        calls++;
        throw failure(status);
      })).rejects.toThrow();
    }
    expect(calls).toBe(4);
    calls = 0;
    await expect(withRetry(async () => {
      calls++;
      throw failure(412);
    }, { attempts: 3, baseMs: 1, maxMs: 2 })).rejects.toThrow();
    expect(calls).toBe(3);
  });

  it('knows a conversation is gone on 404 and on 403 roster or block errors', () => {
    expect(isGone(failure(404))).toBe(true);
    expect(isGone(failure(403, 'BotNotInConversationRoster'))).toBe(true);
    expect(isGone(failure(403, 'ConversationBlockedByUser'))).toBe(true);
    expect(isGone(failure(403, 'Forbidden'))).toBe(false);
    expect(isGone(failure(429))).toBe(false);
  });
});
