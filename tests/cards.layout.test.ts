// What the native reviews found on the cards and in the replies, kept fixed in every language: no backslash before
// a bracket, no button alone on a row where it could have a neighbour, no session button cut inside a quotation, a
// reminder far ahead in days and hours, week spans and publication dates as an editor writes them.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionRows, cardText, renderCards } from '../src/bots/teams/render.js';
import { formatDaySpan, formatDate, formatDuration } from '../src/core/i18n/format.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { LANGS } from '../src/core/lang.js';
import type { Button } from '../src/core/reply.js';
import { shortTitle } from '../src/views/session-lines.js';
import { reminderReply } from '../src/views/reminder.js';
import { testBot, type TestBot } from './helpers/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z', { PUBLIC_URL: 'https://ckex.example.org' });
});
afterAll(() => bot.store.close());

const buttons = (...labels: string[]): Button[] => labels.map((label) => ({ label, command: 'help' }));
const texts = (card: unknown): string[] => JSON.stringify(card).match(/"(?:text|title)":"(?:[^"\\]|\\.)*"/g) ?? [];

describe('Teams text', () => {
  it('shows usage brackets as they are, and still never makes a link of what someone typed', () => {
    expect(stripBidi(cardText('semaine [1-4] · langue [ar|fr|en]', { localTimes: false }, false))).toBe('semaine [1-4] · langue [ar|fr|en]');
    const link = cardText('[Approve](https://evil.example)', { localTimes: false }, false);
    expect(link).not.toContain('](');
    expect(stripBidi(link)).toBe('[Approve](https://evil.example)');
  });

  it.each(LANGS)('help in %s has no backslash on its card', async (lang) => {
    const reply = await bot.reply('help', { id: `layout-help-${lang}`, platformLocale: lang }, { lang });
    expect(texts(renderCards(reply, { localTimes: false })).filter((t) => t.includes('\\\\'))).toEqual([]);
  });
});

describe('button rows', () => {
  it('keeps the previous and next day together, the odd one out at the end', () => {
    const rows = actionRows(buttons('◀ Veille', 'Lendemain ▶', 'Semaine 1', 'Atteindre le « chaînon manquant »', 'Protection sociale des…'));
    expect(rows[0]!.map((b) => b.label).slice(0, 2)).toEqual(['◀ Veille', 'Lendemain ▶']);
    expect(rows.flat()).toHaveLength(5);
  });

  it('pairs two buttons that fit side by side instead of leaving one alone', () => {
    expect(actionRows(buttons('★ Ajoutée', 'Programme du jour', 'Semaine 2', 'Ajouter au calendrier')).map((r) => r.length)).toEqual([2, 2]);
    expect(actionRows(buttons('Mon calendrier', 'Arrêter les rappels')).map((r) => r.length)).toEqual([2]);
  });

  // Its four buttons (star, that day, the week, the calendar file) make two rows of two, as in English.
  it.each(LANGS)('on the session card in %s, no button is alone on a row', async (lang) => {
    const reply = await bot.reply('session w2-d3-a', { id: `layout-session-${lang}`, platformLocale: lang }, { lang });
    const sets = renderCards(reply, { localTimes: false }).flatMap((c) => c.body).filter((e) => e.type === 'ActionSet') as { actions: unknown[] }[];
    expect(sets.map((s) => s.actions.length).filter((n) => n === 1)).toEqual([]);
  });
});

describe('session buttons', () => {
  it.each(LANGS)('never leave a quotation or a parenthesis open in %s', (lang) => {
    const open = bot.core.agenda.all().map((t) => shortTitle(t.session.title[lang])).filter((label) => [['«', '»'], ['“', '”'], ['(', ')']].some(([o, c]) => label.split(o!).length !== label.split(c!).length));
    expect(open).toEqual([]);
  });
});

describe('times and dates as people say them', () => {
  it('says a long wait in days and hours', () => {
    // Intl keeps the number and its unit together with a no-break space.
    const spaced = (s: string) => s.replace(/\s/gu, ' ');
    expect(spaced(formatDuration(11430, 'fr'))).toBe('7 jours et 22 heures');
    expect(spaced(formatDuration(125, 'en'))).toBe('2 hours and 5 minutes');
    expect(spaced(formatDuration(1440, 'fr'))).toBe('1 jour');
  });

  it('writes a reminder seen a week ahead in days and hours, not 11430 minutes', async () => {
    const ctx = { ...(await bot.dispatcher.context({ id: 'layout-reminder', tz: 'Europe/Paris' }, '', { lang: 'fr' })), lang: 'fr' as const, t: bot.core.i18n.t('fr') };
    const text = JSON.stringify(reminderReply(ctx, bot.core.agenda.session('w2-d3-a')!)).replace(/\s/gu, ' ');
    expect(text).toContain('Début dans 7 jours et 22 heures');
    expect(text).not.toMatch(/\d{4,} minutes/);
  });

  it('gives a week’s month and year once, and a publication date without its weekday', () => {
    const span = formatDaySpan(DateTime.fromISO('2021-05-10'), DateTime.fromISO('2021-05-14'), 'fr');
    expect(`Du ${span.first} au ${span.last}`).toBe('Du lundi 10 au vendredi 14 mai 2021');
    expect(formatDaySpan(DateTime.fromISO('2021-04-26'), DateTime.fromISO('2021-05-03'), 'fr').first).toBe('lundi 26 avril 2021');
    expect(formatDate(DateTime.fromISO('2021-03-08'), 'fr')).toBe('8 mars 2021');
  });
});
