// The untranslated marker goes on the text that is not translated: a French title with no French description shows the
// title as written and marks the description, in every importer; the report says which text lacks which language, and
// what the bot really does with a talk in a language it does not speak.
import { afterEach, describe, expect, it } from 'vitest';
import { formatReport, importFile } from '../../src/importers/index.js';
import { testBot, type TestBot } from '../helpers/bot.js';
import { contentCopy, readAgenda, variant } from './helpers.js';

const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const TITLE_MARKER = { en: 'not translated yet)', fr: 'pas encore traduit)', ar: 'لم يُترجم بعد)' };

/** The calendar file of a session reply, its folded lines unfolded. */
const icsOf = async (bot: TestBot, text: string): Promise<string> =>
  ((await bot.reply(text)).files?.find((f) => f.name.endsWith('.ics'))?.content ?? '').replace(/\r\n /g, '');

describe('the untranslated marker', () => {
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.store.close?.();
    bot = undefined;
  });

  async function reloaded(dir: string): Promise<TestBot> {
    bot = await testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: dir, CKEX_ADMINS: 'UORG' });
    expect(await bot.say('reload', ORGANISER)).toContain('Agenda reloaded');
    return bot;
  }

  it('CSV: a title in French and Arabic with no description in them marks the description, not the title', async () => {
    const dir = contentCopy();
    // Payments: title_fr, no description_fr and nothing in Arabic; disability: every title, no Arabic description.
    const file = variant('sessions.csv', (t) => t.replace('"Paiements G2P, comptes et monnaie mobile."', '').replace('"برامج دامجة للإعاقة."', ''));
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.untranslated).toEqual([
      { id: 'w2-d2-a', title: 'Digital payments for social protection', missing: { title: ['ar'], description: ['fr', 'ar'] } },
      { id: 'w4-d3-a', title: 'Social protection for persons with disabilities', missing: { title: [], description: ['ar'] } },
    ]);
    expect(formatReport(report)).toContain('  w2-d2-a  Digital payments for social protection  (title not in ar; description not in fr, ar)');
    expect(formatReport(report)).toContain('  w4-d3-a  Social protection for persons with disabilities  (description not in ar)');
    const [, payments, disability] = readAgenda(dir).sessions;
    expect(payments).toMatchObject({ originalLanguage: 'en', untranslated: ['ar'], untranslatedDescription: ['fr', 'ar'] });
    expect(disability).toMatchObject({ originalLanguage: 'en', untranslatedDescription: ['ar'] });
    expect(disability!.untranslated).toBeUndefined();

    const b = await reloaded(dir);
    const french = await b.say('séance w2-d2-a');
    expect(french).toContain('Paiements numériques pour la protection sociale');
    expect(french).not.toContain(TITLE_MARKER.fr);
    expect(french).toContain('G2P payments, accounts and mobile money.\n(Description en anglais, pas encore traduite.)');
    const frenchIcs = await icsOf(b, 'séance w2-d2-a');
    expect(frenchIcs).toContain('SUMMARY:CKEx: Paiements numériques pour la protection sociale\r\n');
    expect(frenchIcs).toContain('Description en anglais\\, pas encore traduite.');

    const arabic = await b.say('جلسة w4-d3-a');
    expect(arabic).toContain('الحماية الاجتماعية للأشخاص ذوي الإعاقة');
    expect(arabic).not.toContain(TITLE_MARKER.ar);
    expect(arabic).toContain('Disability-inclusive programs.');
    expect(arabic).toContain('(الوصف باللغة الإنجليزية، لم يُترجم بعد.)');
    // Untranslated in both: the title and the description carry their own marker.
    const arabicPayments = await b.say('جلسة w2-d2-a');
    expect(arabicPayments).toContain(`Digital payments for social protection (باللغة الإنجليزية، ${TITLE_MARKER.ar}`);
    expect(arabicPayments).toContain('(الوصف باللغة الإنجليزية، لم يُترجم بعد.)');
    // English is the original: nothing marked.
    const english = await b.say('session w2-d2-a');
    expect(english).not.toContain('not translated yet');
  });

  it('pretalx multilingual fields: a French title with an English-only abstract marks only the French abstract', async () => {
    const dir = contentCopy();
    const file = variant('schedule.json', (t) => t.replace('"fr": "Travailleurs informels et indépendants.", ', ''));
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([]);
    const middle = readAgenda(dir).sessions.find((s) => s.id === 'w1-d1-b')!;
    expect(middle).toMatchObject({ originalLanguage: 'en', untranslatedDescription: ['fr'] });
    expect(middle.untranslated).toBeUndefined();
    const b = await reloaded(dir);
    const french = await b.say('séance w1-d1-b');
    expect(french).toContain('Atteindre le « chaînon manquant »');
    expect(french).not.toContain(TITLE_MARKER.fr);
    expect(french).toContain('Informal workers and the self-employed.\n(Description en anglais, pas encore traduite.)');
    expect(await b.say('جلسة w1-d1-b')).not.toContain('لم يُترجم بعد');
  });

  it('iCalendar and frab XML: one language a text, so both texts are marked; a session with no description marks its title only', async () => {
    const ics = await importFile(variant('agenda.ics', (t) => t), { contentDir: contentCopy(), dryRun: true });
    expect(ics.problems).toEqual([]);
    for (const u of ics.untranslated) expect(u.missing.title).toEqual(u.missing.description);
    const xmlDir = contentCopy();
    const xml = await importFile(variant('schedule.xml', (t) => t.replace('<abstract>Informal workers &amp; the self-employed.</abstract>', '<abstract></abstract>')), { contentDir: xmlDir });
    expect(xml.problems).toEqual([]);
    const [opening, middle] = readAgenda(xmlDir).sessions;
    expect(opening).toMatchObject({ untranslated: ['fr', 'ar'], untranslatedDescription: ['fr', 'ar'] });
    // No description at all: the placeholder is in every language, nothing to mark.
    expect(middle).toMatchObject({ untranslated: ['fr', 'ar'] });
    expect(middle!.untranslatedDescription).toBeUndefined();
  });

  it('a talk in a language the bot does not speak: both texts marked with that language, and the report says so', async () => {
    const dir = contentCopy();
    const file = variant('schedule.json', (t) => t.replace('"language": "en",\n                "abstract": "The framing', '"language": "de",\n                "abstract": "The framing'));
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([]);
    const text = formatReport(report);
    expect(text).toContain('Written in a language the bot does not speak (de): 1. The bot shows them as written to readers of every language, marked with the language the source gives ("in German, not translated yet").');
    expect(text).toContain('To lift the marker, give the talk the language en, fr or ar in the source');
    expect(text).not.toContain('as English');
    expect(readAgenda(dir).sessions[0]).toMatchObject({ sourceLanguage: 'de', untranslated: ['en', 'fr', 'ar'], untranslatedDescription: ['en', 'fr', 'ar'] });
    const b = await reloaded(dir);
    const english = await b.say('session w1-d1-a');
    expect(english).toContain('Opening: expanding coverage for all (in German, not translated yet)');
    expect(english).toContain('The framing presentation opens the exchange.\n(Description in German, not translated yet.)');
    expect(await b.say('séance w1-d1-a')).toContain('(Description en allemand, pas encore traduite.)');
  });
});
