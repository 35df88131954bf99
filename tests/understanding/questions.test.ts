// The question table, asked through the whole core as direct messages: every question must reach what it is
// about, in the asker's language. The score per language is printed (the README quotes it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/lang.js';
import { testBot, type TestBot } from '../helpers/bot.js';
import { misses } from './misses.js';
import { observe } from './observe.js';
import { NOW, QUESTIONS, type Question } from './questions.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot(NOW);
});
afterAll(() => bot.store.close());

let participant = 0;
const results: { row: Question; missed: string[] }[] = [];

describe('the question table', () => {
  it('has at least 150 questions, 50 a language, each expecting something', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(150);
    for (const lang of LANGS) expect(QUESTIONS.filter((r) => r.lang === lang).length).toBeGreaterThanOrEqual(50);
    for (const r of QUESTIONS) expect(r.day ?? r.week ?? r.session ?? r.sessions ?? r.items ?? r.action, r.q).toBeDefined();
  });

  it.each(QUESTIONS.map((row) => [row.q, row] as const))('%s', async (_q, row) => {
    const reply = await bot.reply(row.q, { id: `table:${++participant}`, ...(row.locale ? { platformLocale: row.locale } : {}) }, { conversational: true });
    const missed = misses(row, observe(bot.core, reply));
    results.push({ row, missed });
    // A known miss that starts working is news too: take its mark off.
    if (row.known) expect(missed, `${row.q} now works: drop its known mark`).not.toEqual([]);
    else expect(missed, row.q).toEqual([]);
  });

  afterAll(() => {
    const lines = LANGS.map((lang) => {
      const mine = results.filter((r) => r.row.lang === lang);
      return `${lang}: ${mine.filter((r) => r.missed.length === 0).length}/${mine.length}`;
    });
    console.log(`question table score: ${lines.join(', ')}`);
    for (const r of results.filter((x) => x.missed.length > 0)) console.log(`  missed: ${r.row.q} (${r.missed.join('; ')})${r.row.known ? ` — known: ${r.row.known}` : ''}`);
  });
});
