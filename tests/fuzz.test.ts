// Random text in Latin and Arabic scripts, emoji, control characters and very long lines: the dispatcher always
// answers (at least one block, never a throw, never the internal-error apology), the text helpers never throw,
// and the Slack and Teams renderers turn every reply into messages within Slack's 50-block limit.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../src/commands/args.js';
import { normalizeWord, stripPrefix } from '../src/core/i18n/normalize.js';
import { replyToText, type Reply } from '../src/core/reply.js';
import { renderMessages } from '../src/bots/slack/render.js';
import { renderCards } from '../src/bots/teams/render.js';
import { testBot, type TestBot } from './helpers/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterAll(async () => {
  await bot.store.close();
});

const chars = (s: string) => fc.constantFrom(...Array.from(s));
const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));

const latin = fc.oneof(chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789      '), chars("éèêëàâçùûüôîïœÉÈÀÇ'’-/.,:;!?()[]{}<>@#&*_~`|\\\"+=%$^"));
const arabic = fc.oneof(range(0x0600, 0x06ff), chars('اليوم غدا الأسبوع موارد جلسة مساعدة ٠١٢٣٤٥٦٧٨٩ '));
const emoji = fc.constantFrom('😀', '👍🏽', '🇪🇹', '👨‍👩‍👧', '❤️', '🎉', '\u{1F9D1}\u200D\u{1F4BB}');
const control = fc.oneof(range(0x00, 0x1f), fc.constantFrom('\u007f', '\u200e', '\u200f', '\u202a', '\u202b', '\u202e', '\u2066', '\u2067', '\u2069', '\ufeff', '\u00a0', '\u2028', '\ud800', '\udc00'));
const unit = fc.oneof({ arbitrary: latin, weight: 4 }, { arbitrary: arabic, weight: 3 }, { arbitrary: emoji, weight: 1 }, { arbitrary: control, weight: 1 });
const noise = (maxLength: number) => fc.string({ unit, maxLength });

/** Command words (so random arguments reach every command), mentions and prefixes, then noise. */
const lead = fc.constantFrom(
  '', '/ckex ', 'ckex ', '<@U0BOT> ', 'help ', 'today ', 'tomorrow ', 'now ', 'week ', 'agenda ', 'day ', 'session ', 'resources ', 'lang ',
  "aujourd'hui ", 'semaine ', 'programme ', 'séance ', 'ressources ', 'langue ', 'اليوم ', 'الأسبوع ', 'البرنامج ', 'جلسة ', 'موارد ', 'لغة ',
);
const message = fc.tuple(lead, noise(80)).map(([a, b]) => a + b);
const long = fc.tuple(lead, noise(40)).map(([a, b]) => {
  const piece = a + (b || 'x');
  return piece.repeat(Math.ceil(10_000 / piece.length)).slice(0, 10_000);
});

let caller = 0;
/** Every check a reply must pass, whatever the input. */
function checkReply(reply: Reply): void {
  expect(reply.blocks.length).toBeGreaterThanOrEqual(1);
  const apology = bot.core.i18n.t(reply.lang)('errors.internal');
  expect(replyToText(reply)).not.toContain(apology);
  for (const dateTokens of [false, true]) {
    const messages = renderMessages(reply, { dateTokens, shareCommand: 'today', shareLabel: 'Share' });
    expect(messages.length).toBeGreaterThanOrEqual(1);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(50);
  }
  for (const localTimes of [false, true]) expect(renderCards(reply, { localTimes }).length).toBeGreaterThanOrEqual(1);
}

describe('the dispatcher answers anything', () => {
  it('random messages in Latin and Arabic scripts, emoji and control characters', async () => {
    await fc.assert(
      fc.asyncProperty(message, async (text) => {
        const who = { id: `fuzz:${++caller}` };
        checkReply(await bot.reply(text, who));
        expect(typeof (await bot.say(text, who))).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('10,000-character messages', async () => {
    await fc.assert(
      fc.asyncProperty(long, async (text) => {
        const who = { id: `fuzz:${++caller}` };
        checkReply(await bot.reply(text, who));
        expect(typeof (await bot.say(text, who))).toBe('string');
      }),
      { numRuns: 30 },
    );
  });
});

describe('text helpers never throw', () => {
  const input = fc.oneof(message, noise(200));

  it('parseDate gives a valid date or nothing', () => {
    fc.assert(
      fc.property(input, (text) => {
        const date = parseDate(text, 2021);
        if (date !== undefined) expect(DateTime.fromISO(date).isValid).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(() => parseDate('x'.repeat(10_000), 2021)).not.toThrow();
  });

  it('stripPrefix leaves trimmed text without bidi controls', () => {
    fc.assert(
      fc.property(input, (text) => {
        const out = stripPrefix(text);
        expect(out).toBe(out.trim());
        expect(out).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizeWord lowers case and turns Arabic-Indic digits western', () => {
    fc.assert(
      fc.property(input, (text) => {
        const out = normalizeWord(text);
        expect(out).not.toMatch(/[A-Z\u0660-\u0669\u06f0-\u06f9]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('the reader’s language is ar for Arabic script, else fr, en or nothing', () => {
    fc.assert(
      fc.property(input, (text) => {
        const lang = bot.core.reader.language(text);
        expect([undefined, 'ar', 'fr', 'en']).toContain(lang);
        if (/\p{Script=Arabic}/u.test(text)) expect(lang).toBe('ar');
      }),
      { numRuns: 1000 },
    );
  });
});
