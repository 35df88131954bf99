// Argument schemas shared by commands. Input arrives as the raw text after the command word.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { LANGS, type Lang } from '../core/lang.js';
import { normalizeWord } from '../core/i18n/normalize.js';

/** No argument expected (extra words are ignored, as people add "please"). */
export const none = z.string().transform(() => undefined);

/** The whole text, trimmed; may be empty. */
export const words = z.string().transform((s) => s.trim());

export const optionalInt = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => s === '' || /^\d+$/.test(s), 'not a number')
    .transform((s) => (s === '' ? undefined : Number(s)))
    .refine((n) => n === undefined || (n >= min && n <= max), `expected ${min} to ${max}`);

/** Arabic months by both their names (مايو and أيار), each accepted alone or as the pair the bot writes (مايو/أيار). */
const MONTHS_AR = [
  ['يناير', 'كانون الثاني'],
  ['فبراير', 'شباط'],
  ['مارس', 'آذار'],
  ['أبريل', 'نيسان'],
  ['مايو', 'أيار'],
  ['يونيو', 'حزيران'],
  ['يوليو', 'تموز'],
  ['أغسطس', 'آب'],
  ['سبتمبر', 'أيلول'],
  ['أكتوبر', 'تشرين الأول'],
  ['نوفمبر', 'تشرين الثاني'],
  ['ديسمبر', 'كانون الأول'],
].map((names) => names.map(normalizeWord));

function arabicMonthsAsNumbers(text: string): string {
  let s = text;
  MONTHS_AR.forEach((names, i) => {
    const name = `(?:${names.join('|')})`;
    s = s.replace(new RegExp(`(^|[\\s\\d])${name}(?:\\s*/\\s*${name})?(?=$|[\\s\\d])`, 'u'), `$1${i + 1}`);
  });
  return s;
}

const FORMATS = ['yyyy-MM-dd', 'd MMMM yyyy', 'd MMMM', 'MMMM d yyyy', 'MMMM d', 'd MMM', 'MMM d', 'd/M/yyyy', 'd/M'];

/** "2021-05-04", "4 May", "4 mai", "4 مايو", "May 4", "4/5": a calendar date, in the event's year when none is given. */
export function parseDate(text: string, year: number): string | undefined {
  let s = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').replace(/(\d+)(st|nd|rd|th|er)\b/g, '$1');
  s = arabicMonthsAsNumbers(normalizeWord(s));
  s = s.replace(/^(\d{1,2}) (\d{1,2})( \d{4})?$/, (_m, d: string, mo: string, y?: string) => `${d}/${mo}${y ? `/${y.trim()}` : ''}`);
  for (const locale of ['en', 'fr']) {
    for (const format of FORMATS) {
      const dt = DateTime.fromFormat(s, format, { locale, zone: 'utc' });
      if (!dt.isValid) continue;
      const withYear = format.includes('y') ? dt : dt.set({ year });
      return withYear.toISODate() ?? undefined;
    }
  }
  return undefined;
}

export const optionalDate = (year: number) =>
  z.string().transform((s, ctx) => {
    if (s.trim() === '') return undefined;
    const date = parseDate(s, year);
    if (!date) ctx.addIssue({ code: 'custom', message: 'not a date' });
    return date ?? z.NEVER;
  });

const LANG_WORDS: Record<Lang, string[]> = {
  en: ['en', 'english', 'anglais', 'انجليزي', 'الانجليزيه', 'الانكليزيه', 'انجليزيه'],
  fr: ['fr', 'french', 'francais', 'français', 'فرنسي', 'الفرنسيه', 'فرنسيه'],
  ar: ['ar', 'arabic', 'arabe', 'عربي', 'العربيه', 'عربيه'],
};

export const optionalLang = z.string().transform((s, ctx) => {
  const word = normalizeWord(s.trim());
  if (word === '') return undefined;
  const lang = LANGS.find((l) => LANG_WORDS[l].map(normalizeWord).includes(word));
  if (!lang) ctx.addIssue({ code: 'custom', message: 'unknown language' });
  return lang ?? z.NEVER;
});
