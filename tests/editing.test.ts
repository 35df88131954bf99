// French and Arabic as a native editor would publish them: one typographic convention for French (a no-break
// space U+00A0 before : ; ? ! and inside « »), Arabic punctuation, one glossary (locales/glossary.json), « 1er »,
// both Arabic month names, zones in words, UN country names, capitalised headings.
import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDate } from '../src/commands/args.js';
import { countryName, matchCountry } from '../src/core/forms/countries.js';
import { formatDay, zoneLabel } from '../src/core/i18n/format.js';
import { createI18n, readLocales } from '../src/core/i18n/i18n.js';
import { testBot, type TestBot } from './helpers/bot.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) as unknown;

/** Every string under a language key of the content files (search tags aside: they are never shown). */
function contentStrings(lang: 'fr' | 'ar'): string[] {
  const out: string[] = [];
  const walk = (o: unknown, key = ''): void => {
    if (key === 'tags') return;
    if (typeof o === 'string') {
      if (key === lang) out.push(o);
    } else if (Array.isArray(o)) o.forEach((x) => walk(x));
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, k);
  };
  for (const file of ['content/event.json', 'content/agenda.json', 'content/resources.json']) walk(read(file));
  return out;
}

function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`.replace(/_(zero|one|two|few|many|other)$/, '')]));
}

const i18n = createI18n(new URL('../locales', import.meta.url).pathname);
const locales = readLocales(new URL('../locales', import.meta.url).pathname);
const ARGS = { count: 3, day: 'mardi 4 mai 2021', query: 'paiements', subject: 'paiements', given: 'x', usage: 'semaine [1-4]', zone: 'UTC', event: 'CKEx', id: 'R7K3QX', number: 2, title: 'Outils', field: 'Pays', label: 'Pays', value: 'Kenya' };
/** What each string reads like once shown: through the translation function, interpolation included, in the plural and for one. */
const shown = (lang: 'fr' | 'ar') => [...new Set(keys(locales[lang]))].flatMap((k) => [...new Set([i18n.t(lang)(k, ARGS), i18n.t(lang)(k, { ...ARGS, count: 1 })])].map((text) => ({ key: k, text })));

function frenchProblems(text: string): string[] {
  const found: string[] = [];
  if (/[ \u202f][:;?!](\s|$)/u.test(text)) found.push('an ordinary or narrow space before : ; ? !');
  if (/[\p{L}\p{N}\)»][:;?!](\s|$)/u.test(text) && !/\d:\d/.test(text.match(/[\p{L}\p{N}\)»][:;?!](\s|$)/u)![0])) found.push(': ; ? ! glued to the word');
  if (/«(?!\u00a0)/u.test(text) || /(?<!\u00a0)»/u.test(text)) found.push('« » without a no-break space inside');
  if (/\p{L}'\p{L}/u.test(text)) found.push("a straight apostrophe: French takes ’");
  return found;
}

function arabicProblems(text: string): string[] {
  const found: string[] = [];
  if (/(?<![A-Za-z]),\s/u.test(text)) found.push('a Latin comma in Arabic text');
  if (/\p{Script=Arabic}\s?\?/u.test(text)) found.push('a Latin question mark after Arabic');
  return found;
}

describe('French typography: U+00A0 before : ; ? ! and inside « »', () => {
  it('holds in every string the bot shows', () => {
    const bad = shown('fr').flatMap(({ key, text }) => frenchProblems(text).map((p) => `${key}: ${p}: ${text}`));
    expect(bad).toEqual([]);
  });
  it('holds in every French text of the content', () => {
    const bad = contentStrings('fr').flatMap((text) => frenchProblems(text).map((p) => `${p}: ${text.slice(0, 80)}`));
    expect(bad).toEqual([]);
  });
});

describe('Arabic punctuation', () => {
  it('uses the Arabic comma and question mark in every string and content text', () => {
    const bad = [...shown('ar').map((s) => s.text), ...contentStrings('ar')].flatMap((text) => arabicProblems(text).map((p) => `${p}: ${text.slice(0, 80)}`));
    expect(bad).toEqual([]);
  });
});

describe('one glossary', () => {
  const glossary = read('locales/glossary.json') as { terms: { en: string; avoid?: Partial<Record<'fr' | 'ar', string[]>> }[] };
  it.each(['fr', 'ar'] as const)('every %s string and content text uses the glossary’s word', (lang) => {
    const texts = [...shown(lang).map((s) => s.text), ...contentStrings(lang)].map((t) => t.replace(/\{\{\w+\}\}/g, '…'));
    const bad = glossary.terms.flatMap((term) =>
      (term.avoid?.[lang] ?? []).flatMap((pattern) => texts.filter((t) => new RegExp(pattern, 'iu').test(t)).map((t) => `${term.en}: "${pattern}" in ${t.slice(0, 100)}`)),
    );
    expect(bad).toEqual([]);
  });
});

describe('dates, zones and countries as an editor prints them', () => {
  it('writes « 1er » for the first of a month in French, and both month names in Arabic', () => {
    expect(formatDay(DateTime.fromISO('2021-02-01'), 'fr')).toBe('lundi 1er février 2021');
    expect(formatDay(DateTime.fromISO('2021-05-11'), 'fr')).toBe('mardi 11 mai 2021');
    expect(formatDay(DateTime.fromISO('2021-05-04'), 'ar')).toBe('الثلاثاء، 4 مايو/أيار 2021');
  });

  it('reads the Arabic months as the bot writes them and as people do', () => {
    for (const text of ['30 أبريل', '30 ابريل', '30 نيسان', '4 مايو/أيار 2021', '4 أيار']) expect(parseDate(text, 2021), text).toMatch(/^2021-0[45]-/);
  });

  it('names zones in words in the reader’s language', () => {
    const at = DateTime.fromISO('2021-05-04T10:00', { zone: 'America/New_York' });
    // By a city people know, the event's own in Washington; a zone not listed by ICU's name in words.
    expect(zoneLabel(at, 'en')).toBe('Washington time (UTC-4)');
    expect(zoneLabel(at, 'fr')).toBe('heure de Washington (UTC-4)');
    expect(zoneLabel(at, 'ar')).toBe('توقيت واشنطن (UTC-4)');
    const cairo = DateTime.fromISO('2021-05-04T10:00', { zone: 'Africa/Cairo' });
    expect(zoneLabel(cairo, 'fr')).toBe('heure du Caire (UTC+2)');
    expect(zoneLabel(cairo, 'ar')).toBe('توقيت القاهرة (UTC+2)');
    const paris = DateTime.fromISO('2021-05-04T10:00', { zone: 'Europe/Paris' });
    expect(zoneLabel(paris, 'fr')).toBe('heure de Paris (UTC+2)');
    expect(zoneLabel(DateTime.fromISO('2021-05-04T10:00', { zone: 'Pacific/Fiji' }), 'en')).toMatch(/Fiji.*\(UTC\+12\)/);
  });

  it('prints the UN names where the ISO library differs, and understands them', () => {
    expect(countryName('CI', 'fr')).toBe("Côte d'Ivoire");
    expect(countryName('CI', 'ar')).toBe('كوت ديفوار');
    expect(countryName('SA', 'fr')).toBe('Arabie saoudite');
    expect(countryName('SZ', 'ar')).toBe('إسواتيني');
    expect(matchCountry("Côte d'Ivoire")).toEqual({ kind: 'one', code: 'CI' });
    expect(matchCountry('كوت ديفوار')).toEqual({ kind: 'one', code: 'CI' });
    expect(matchCountry('ساحل العاج')).toEqual({ kind: 'one', code: 'CI' });
  });
});

describe('replies', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await testBot('2021-05-04T14:00:00Z');
  });
  afterAll(() => bot.store.close());

  it('capitalise headings, set the French colon in code-built lines, and say "Eastern Time", not America/New_York', async () => {
    const today = (await bot.reply("aujourd'hui", { id: 'edit-fr' })).blocks.find((b) => b.type === 'header');
    expect(today).toEqual({ type: 'header', text: 'Mardi 4 mai 2021 · semaine 1' });
    const session = await bot.say('séance w1-d2-a', { id: 'edit-fr' });
    expect(session).toContain('Date : mardi 4 mai 2021, 08:30–10:00');
    expect(session).not.toContain('America/');
    expect(await bot.say('جلسة w1-d2-a', { id: 'edit-ar' })).toContain('الثلاثاء، 4 مايو/أيار 2021، من 08:30 إلى 10:00');
  });

  it('show Arabic commands as an editor writes them, and understand them so', async () => {
    const ar = { id: 'edit-ar-words', tz: 'Africa/Cairo' };
    expect(await bot.say('مساعدة', ar)).toContain('غدًا: جلسات الغد.');
    expect(await bot.say('غدًا', ar)).toBe(await bot.say('غدا', ar));
    const form = await bot.say('تسجيل استمارة', ar);
    expect(await bot.say('التسجيل باستمارة', ar)).toBe(form);
    expect(await bot.say('تسجيل باستمارة', ar)).toBe(form);
    const register = await bot.say('تسجيل', { id: 'edit-ar-register', tz: 'Africa/Cairo' }, { conversational: true });
    expect(register).toContain('[استخدم استمارة من صفحة واحدة: التسجيل باستمارة]');
  });
});
