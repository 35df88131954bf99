// The question reader on its own: normalisation, days, weeks, ids, the subject and the language of a message.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/load.js';
import { Reader } from '../../src/understanding/index.js';
import { shownWordsOf, wordsOf } from '../../src/understanding/normalize.js';
import { languageTableSchema } from '../../src/understanding/vocabulary/schema.js';
import { TABLES } from '../../src/understanding/vocabulary/load.js';
import { readYesNo } from '../../src/understanding/yes-no.js';

const reader = new Reader(loadContent('content'));
const TUESDAY = DateTime.fromISO('2021-05-04T10:00', { zone: 'America/New_York' });
const read = (text: string) => reader.read(text, TUESDAY);

describe('normalisation', () => {
  it('folds case, accents, Arabic variants and marks, elisions and Eastern Arabic digits', () => {
    expect(wordsOf("L'Agenda d'Aujourd’hui ?")).toEqual(['l', 'agenda', 'd', 'aujourdhui']);
    expect(wordsOf('Séances ÉTÉ')).toEqual(['seances', 'ete']);
    expect(wordsOf('الإعاقة والأطفالُ ١٢')).toEqual(['الاعاقه', 'والاطفال', '12']);
    expect(wordsOf('w2-d3-a, covid-19; 12/5!')).toEqual(['w2-d3-a', 'covid-19', '12/5']);
    expect(wordsOf('مايو/أيار après-midi')).toEqual(['مايو', 'ايار', 'apres', 'midi']);
  });

  it('keeps the words as written to show them back', () => {
    expect(shownWordsOf("documents sur l'Éthiopie")).toEqual(['documents', 'sur', 'l', 'Éthiopie']);
  });
});

describe('days', () => {
  it.each([
    ['today', '2021-05-04'],
    ['tomorrow', '2021-05-05'],
    ['yesterday', '2021-05-03'],
    ['the day after tomorrow', '2021-05-06'],
    ['après-demain', '2021-05-06'],
    ['بعد بكرة', '2021-05-06'],
    ['thursday', '2021-05-06'],
    ['monday', '2021-05-10'],
    ['next thursday', '2021-05-13'],
    ['jeudi prochain', '2021-05-13'],
    ['الخميس القادم', '2021-05-13'],
    ['last monday', '2021-05-03'],
    ['12 May', '2021-05-12'],
    ['May 12th', '2021-05-12'],
    ['le 12 mai', '2021-05-12'],
    ['le 1er juin', '2021-06-01'],
    ['١٢ مايو', '2021-05-12'],
    ['12 أيار', '2021-05-12'],
    ['مايو/أيار 12', '2021-05-12'],
    ['12 ماي', '2021-05-12'],
    ['2021-05-12', '2021-05-12'],
    ['12/5', '2021-05-12'],
    ['12.05.2021', '2021-05-12'],
    ['le 12', '2021-05-12'],
    ['the 20th', '2021-05-20'],
    ['Monday the 17th', '2021-05-17'],
    ['day 3', '2021-05-05'],
    ['le troisième jour', '2021-05-05'],
    ['اليوم الثالث', '2021-05-05'],
    ['the last day', '2021-05-26'],
    ['thursday of week 2', '2021-05-13'],
    ['jeudi de la semaine 3', '2021-05-20'],
  ])('%s → %s', (text, date) => {
    expect(read(text).day?.date).toBe(date);
  });

  it('asks when a numeric date reads two ways and only one is during the event', () => {
    expect(read('5/12').dateChoices).toEqual(['2021-05-12', '2021-12-05']);
    expect(read('5/4').dateChoices).toEqual(['2021-05-04', '2021-04-05']);
    expect(read('12/5').dateChoices).toBeUndefined();
  });

  it('reads parts of the day', () => {
    expect(read('this afternoon').part).toBe('afternoon');
    expect(read('demain matin')).toMatchObject({ part: 'morning', day: { date: '2021-05-05' } });
    expect(read('الخميس مساء')).toMatchObject({ part: 'evening', day: { date: '2021-05-06' } });
  });
});

describe('weeks', () => {
  it.each([
    ['week 3', 3],
    ['week three', 3],
    ['the third week', 3],
    ['la troisième semaine', 3],
    ['الأسبوع الثالث', 3],
    ['semaine 2', 2],
    ['next week', 2],
    ['la semaine prochaine', 2],
    ['الأسبوع القادم', 2],
    ['this week', 1],
    ['the final week', 4],
    ['la dernière semaine', 4],
    ['الأسبوع الأخير', 4],
    ['la semaine dernière', 1],
  ])('%s → week %d', (text, week) => {
    expect(read(text).week).toBe(week);
  });

  it('names no week for a number outside the event or an unknown word', () => {
    expect(read('week 9')).toMatchObject({ weekOutOfRange: 9 });
    expect(read('semaine zéro').week).toBeUndefined();
    expect(read('building back better week').week).toBeUndefined();
  });
});

describe('session ids, subjects and what is wanted', () => {
  it('finds ids however typed, and the sessions of a partial one', () => {
    for (const text of ['w2-d3-a', 'W2-D3-A', 'w2d3a', 'w2 d3 a', 'session W2D3A']) expect(read(text).sessionId, text).toBe('w2-d3-a');
    expect(read('w2-d3').sessionIdGuesses).toEqual(['w2-d3-a', 'w2-d3-b']);
  });

  it('ranks sessions, library items and weeks together for the subject, in any language', () => {
    const first = (text: string) => read(text).hits[0];
    expect(first('talks about ageing')).toMatchObject({ kind: 'session', id: 'w4-d2-a' });
    expect(first('جلسات عن كبار السن')).toMatchObject({ kind: 'session', id: 'w4-d2-a' });
    expect(first('personnes âgées')).toMatchObject({ kind: 'session', id: 'w4-d2-a' });
    expect(first('building back better')).toMatchObject({ kind: 'week', id: '3' });
    expect(read('documents sur l’Éthiopie').hits.map((h) => h.id).sort()).toEqual(['ethiopia-brief', 'space-teerr-ethiopia']);
    expect(read('zzzzqqq').hits).toEqual([]);
  });

  it('reads what is wanted, and a language only where one is asked for', () => {
    expect(read('when is the opening?').intents).toContain('when');
    expect(read('comment m’inscrire ?').intents).toContain('register');
    expect(read('speak arabic')).toMatchObject({ intents: ['lang'], namedLang: 'ar' });
    expect(read('is the conference in arabic?').intents).not.toContain('lang');
  });

  it('reads yes and no only when that is all a message says', () => {
    for (const yes of ['yes', 'Yes please!', 'oui bien sûr', 'نعم', 'ok']) expect(readYesNo(yes), yes).toBe('yes');
    for (const no of ['no', 'non merci', 'لا', 'not now']) expect(readYesNo(no), no).toBe('no');
    for (const other of ['yes erase my data and the form', 'no sessions tomorrow?', 'today']) expect(readYesNo(other), other).toBeUndefined();
  });
});

describe('the language a message is clearly written in', () => {
  it.each([
    ['اليوم', 'ar'],
    ['w1-d2-a', undefined],
    ['today', undefined],
    ['week 2', undefined],
    ["what's on today", 'en'],
    ['talks about ageing', 'en'],
    ['programme jeudi', 'fr'],
    ['reconstruire en mieux', 'fr'],
    ['séances', 'fr'],
    ['invites x@y.org', undefined],
  ])('%s → %s', (text, lang) => {
    expect(reader.language(text)).toBe(lang);
  });
});

describe('vocabulary tables', () => {
  it('are data checked at start-up: a broken table names what is wrong', () => {
    const broken = { ...TABLES.en, weekdays: TABLES.en.weekdays.slice(0, 6) };
    const parsed = languageTableSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['weekdays']);
  });
});
