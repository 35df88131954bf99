// Issue 12's systemic rendering rules, each on the smallest reply that shows it: left-to-right units isolated whole
// in Arabic, isolate then escape, lines right-to-left whole, mirrored arrows, the card's lang, three short actions
// a row, session buttons by title, ids that do not wrap, commands in the reader's words, the reader's own day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBlocks } from '../src/bots/slack/render.js';
import { renderCards } from '../src/bots/teams/render.js';
import { renderText } from '../src/bots/console/render-text.js';
import { commandWords } from '../src/views/command-words.js';
import { isolateLtr, keepWhole, mirrorArrows, rtlLine, stripBidi } from '../src/core/i18n/bidi.js';
import type { Reply } from '../src/core/reply.js';
import { testBot, type TestBot } from './helpers/bot.js';

const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';
const RLM = '\u200f';
const RLI = '\u2067';

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterAll(() => bot.store.close());

describe('left-to-right units in Arabic', () => {
  it.each([
    ['اكتب /ckex اليوم', `${LRI}/ckex${PDI}`],
    ['اسأل @CKEx الآن', `${LRI}@CKEx${PDI}`],
    ['الأسبوع [1-4]', `${LRI}[1-4]${PDI}`],
    ['اللغة [ar|fr|en]', `${LRI}[ar|fr|en]${PDI}`],
    ['القاهرة (UTC+2)', `${LRI}(UTC+2)${PDI}`],
    ['الجلسة w1-d2-a عن COVID-19', `${LRI}w1-d2-a${PDI}`],
  ])('%s keeps %s whole', (text, unit) => {
    expect(isolateLtr(text)).toContain(unit);
    expect(stripBidi(isolateLtr(text))).toBe(text);
  });

  it('reads a range of times the Arabic way, start on the right, whoever writes the times', () => {
    // Ours (24-hour): one right-to-left isolate, so 14:30 stands right of 16:00.
    expect(isolateLtr('اليوم 14:30–16:00')).toBe(`اليوم ${RLI}14:30–16:00${PDI}`);
    // A client's own ({{TIME()}} as «12:30 م», a Slack date as "2:30 PM"): each time whole in its own isolate, the pair right to left.
    const card = renderCards({ lang: 'ar', blocks: [{ type: 'text', text: [{ at: '2021-05-04T18:30:00.000Z', style: 'time', text: '14:30' }, '–', { at: '2021-05-04T20:00:00.000Z', style: 'time', text: '16:00' }] }] }, { localTimes: true })[0]!;
    expect((card.body[0] as { text: string }).text).toBe(`${RLM}${RLI}${FSI}{{TIME(2021-05-04T18:30:00Z)}}${PDI}–\u2060${FSI}{{TIME(2021-05-04T20:00:00Z)}}${PDI}${PDI}${RLM}`);
    // Left to right in the other languages.
    const en = renderCards({ lang: 'en', blocks: [{ type: 'text', text: [{ at: '2021-05-04T18:30:00.000Z', style: 'time', text: '14:30' }, '–', { at: '2021-05-04T20:00:00.000Z', style: 'time', text: '16:00' }] }] }, { localTimes: true })[0]!;
    expect((en.body[0] as { text: string }).text).toBe('{{TIME(2021-05-04T18:30:00Z)}}–\u2060{{TIME(2021-05-04T20:00:00Z)}}');
  });

  it('never doubles a bracket the unit did not open', () => {
    expect(stripBidi(isolateLtr('المواعيد بتوقيت (القاهرة UTC+2)'))).toBe('المواعيد بتوقيت (القاهرة UTC+2)');
    expect(isolateLtr('(القاهرة UTC+2)')).toBe(`(القاهرة ${LRI}UTC+2${PDI})`);
  });

  it('makes a line right-to-left at both ends, so a trailing number and full stop stay at the end', () => {
    expect(rtlLine('يبدأ في 2021.')).toBe(`${RLM}يبدأ في ${LRI}2021${PDI}.${RLM}`);
  });

  it('keeps Slack’s bold and italic markers at the line’s edges, the marks inside them', () => {
    expect(rtlLine('*عنوان w1-d2-a*')).toBe(`*${RLM}عنوان ${LRI}w1-d2-a${PDI}${RLM}*`);
  });

  it('mirrors the arrows that point back and forward', () => {
    expect(mirrorArrows('◀ اليوم السابق')).toBe('▶ اليوم السابق');
    expect(mirrorArrows('اليوم التالي ▶')).toBe('اليوم التالي ◀');
  });

  it('keeps ids, COVID-19 and time ranges on one line, and lets words with a hyphen wrap', () => {
    expect(keepWhole('w1-d2-a')).toBe('w1-\u2060d2-\u2060a');
    expect(keepWhole('08:30–10:00')).toBe('08:30–\u206010:00');
    expect(keepWhole('long-term')).toBe('long-term');
  });
});

describe('Slack: isolate, then escape, then date tokens', () => {
  const reply: Reply = {
    lang: 'ar',
    blocks: [{ type: 'text', text: [{ at: '2021-05-04T18:30:00.000Z', style: 'time', text: '14:30' }, '–', { at: '2021-05-04T20:00:00.000Z', style: 'time', text: '16:00' }, ' المقارنة a<b & c'] }],
  };

  it('isolates a range of two date tokens as one unit and never splits an entity', () => {
    const [block] = renderBlocks(reply, { dateTokens: true }) as any[];
    const text: string = block.text.text;
    expect(text).toContain(`${RLI}${FSI}<!date^1620153000^{time}|14:30>${PDI}–${FSI}<!date^1620158400^{time}|16:00>${PDI}${PDI}`);
    expect(text).toContain(`${LRI}a&lt;b &amp; c${PDI}`);
    expect(text).not.toMatch(/&[\u2066-\u2069]|[\u2066-\u2069](lt|gt|amp);/);
  });
});

describe('Teams cards', () => {
  it('carry the reply language, and keep a {{TIME()}} range whole in Arabic, start on the right', () => {
    const [card] = renderCards({ lang: 'ar', blocks: [{ type: 'text', text: [{ at: '2021-05-04T18:30:00.000Z', style: 'time', text: '14:30' }, '–', { at: '2021-05-04T20:00:00.000Z', style: 'time', text: '16:00' }] }] }, { localTimes: true });
    expect(card!.lang).toBe('ar');
    expect(card!.rtl).toBe(true);
    expect((card!.body[0] as { text: string }).text).toBe(`${RLM}${RLI}${FSI}{{TIME(2021-05-04T18:30:00Z)}}${PDI}–\u2060${FSI}{{TIME(2021-05-04T20:00:00Z)}}${PDI}${PDI}${RLM}`);
  });

  it('put at most three short actions in a row, and label session buttons by title', async () => {
    for (const lang of ['en', 'fr', 'ar'] as const) {
      const reply = await bot.reply('today', { id: `rows-${lang}`, platformLocale: lang }, { lang });
      const sets = renderCards(reply, { localTimes: false }).flatMap((c) => c.body).filter((e) => e.type === 'ActionSet') as { actions: { title: string; data?: { ckex: string } }[] }[];
      for (const set of sets) expect(set.actions.length).toBeLessThanOrEqual(3);
      const sessions = sets.flatMap((s) => s.actions).filter((a) => a.data?.ckex.startsWith('session '));
      expect(sessions.length).toBe(2);
      for (const a of sessions) expect(stripBidi(a.title)).not.toMatch(/w\d-d\d/);
    }
  });
});

describe('commands in the reader’s words', () => {
  it('never shows an English command to a French or Arabic reader', async () => {
    const say = commandWords(bot.dispatcher.registry, bot.core.i18n);
    const fr = stripBidi(renderText(await bot.reply("aujourd'hui", { id: 'words-fr' }), say));
    expect(fr).toContain('[Semaine 1 : semaine 1]');
    expect(fr).not.toMatch(/: (agenda|session|week|today) /);
    const ar = stripBidi(renderText(await bot.reply('اليوم', { id: 'words-ar' }), say));
    expect(ar).toContain('[الأسبوع 1: الأسبوع 1]');
    expect(ar).not.toMatch(/: (agenda|session|week|today)\b/);
    // In the reader's own word order, not the English one (« moi supprimer », «بياناتي حذف»).
    expect(say('me delete confirm', 'fr')).toBe('confirmer la suppression de mes données');
    expect(say('me delete confirm', 'ar')).toBe('تأكيد حذف بياناتي');
    expect(say('remind off', 'fr')).toBe('arrêter les rappels');
    expect(say('remind off', 'ar')).toBe('إيقاف التذكير');
  });

  it.each(['week 2', 'agenda 2021-05-05', 'session w1-d2-a', 'resources', 'help', 'register form', 'lang fr', 'me', 'me export', 'me delete', 'remind off'] as const)('“%s” in French and Arabic runs the same command', async (command) => {
    const say = commandWords(bot.dispatcher.registry, bot.core.i18n);
    for (const lang of ['fr', 'ar'] as const) {
      const typed = say(command, lang)!;
      const a = await bot.reply(command, { id: `same-${lang}-${command}`, platformLocale: lang }, { lang });
      const b = await bot.reply(typed, { id: `same-${lang}-${command}`, platformLocale: lang }, { lang });
      expect(JSON.stringify(b.blocks), `${lang}: ${typed}`).toBe(JSON.stringify(a.blocks));
    }
  });
});

describe('the day where the reader is', () => {
  it('in Auckland at 02:00 on 5 May, today is 5 May there, with the sessions that start there that day', async () => {
    const far = await testBot('2021-05-04T14:00:00Z'); // 02:00 on Wednesday 5 May in Auckland (UTC+12)
    try {
      const text = await far.say('today', { id: 'auckland', tz: 'Pacific/Auckland' });
      expect(text).toContain('Wednesday, 5 May 2021');
      // Washington's Tuesday 4 May sessions (08:30 and 10:30 EDT) start at 00:30 and 02:30 on 5 May in Auckland.
      expect(text).toMatch(/00:30–02:00 .*w1-d2-a/);
      expect(text).toMatch(/02:30–04:00 .*w1-d2-b/);
      expect(text).not.toContain('w1-d3-a');
    } finally {
      await far.store.close();
    }
  });

  it('says a weekday without sessions where the reader is has none there, and shows the next one', async () => {
    // Washington's Monday 10 May starts at 00:30 on Tuesday in Auckland: Auckland's Monday has no session.
    const text = await bot.say('agenda 2021-05-10', { id: 'auckland-monday', tz: 'Pacific/Auckland' });
    expect(text).toContain('Monday, 10 May 2021 has no session in your time zone');
    expect(text).toContain('Tuesday, 11 May 2021');
    expect(text).toMatch(/00:30–02:00 .*w2-d1-a/);
  });

  it('marks the sample agenda in every agenda view', async () => {
    for (const command of ['today', 'week 2', 'now', 'session w1-d2-a']) expect(await bot.say(command, { id: 'sample' })).toContain('Sample agenda');
  });
});

describe('Arabic session lines with a special topic', () => {
  it('keep the topic number inside its brackets and the id as its own unit (two spaces are a column gap)', async () => {
    const { rtlLine, stripBidi } = await import('../src/core/i18n/bidi.js');
    const line = rtlLine('08:30–10:00  الحماية الاجتماعية (الموضوع الخاص 5)  (w4-d3-a)');
    expect(line).toContain('(الموضوع الخاص \u20665\u2069)  \u2066(w4-d3-a)\u2069');
    expect(line.startsWith('\u200f\u206708:30–10:00\u2069')).toBe(true);
    expect(stripBidi(line)).toBe('08:30–10:00  الحماية الاجتماعية (الموضوع الخاص 5)  (w4-d3-a)');
  });
});
