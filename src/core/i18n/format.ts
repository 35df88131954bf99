// Dates, times, zones, numbers and lists formatted for the reader's language (Latin digits everywhere, 24-hour
// times), as an editor would print them: « 1er mai » in French, "مايو/أيار" (both month names, as the seed
// writes them) in Arabic, a zone in words ("heure de l’Est nord-américain") rather than an id.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Lang } from '../lang.js';
import cities from './zone-cities.json' with { type: 'json' };

/** Zones named by a city people know ("Cairo time", « heure de Paris », «توقيت القاهرة»). */
const CITY_NAMES = z.object({ about: z.string(), zones: z.record(z.string(), z.object({ en: z.string(), fr: z.string(), ar: z.string() })) }).parse(cities).zones;

const INTL_LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-u-nu-latn' };

export const intlLocale = (lang: Lang): string => INTL_LOCALE[lang];

/** Arabic readers from the Maghreb to the Levant know the months by different names: both, as the seed has them. */
const ARABIC_MONTHS: Record<string, string> = {
  يناير: 'يناير/كانون الثاني',
  فبراير: 'فبراير/شباط',
  مارس: 'مارس/آذار',
  أبريل: 'أبريل/نيسان',
  مايو: 'مايو/أيار',
  يونيو: 'يونيو/حزيران',
  يوليو: 'يوليو/تموز',
  أغسطس: 'أغسطس/آب',
  سبتمبر: 'سبتمبر/أيلول',
  أكتوبر: 'أكتوبر/تشرين الأول',
  نوفمبر: 'نوفمبر/تشرين الثاني',
  ديسمبر: 'ديسمبر/كانون الأول',
};
const ARABIC_MONTH = new RegExp(`(${Object.keys(ARABIC_MONTHS).join('|')})(?!/)`, 'gu');

/** The editor's touches Intl leaves out: « 1er » for the first of a month in French, both month names in Arabic. */
function edited(text: string, lang: Lang): string {
  if (lang === 'fr') return text.replace(/(^|\s)1(?= \p{L})/u, '$11er');
  if (lang === 'ar') return text.replace(ARABIC_MONTH, (m) => ARABIC_MONTHS[m] ?? m);
  return text;
}

/** A language's name with its article where French wants one (« vers l’arabe et vers le français »). */
export function withArticle(name: string, lang: Lang): string {
  if (lang !== 'fr') return name;
  return /^[aeiouyéèêh]/iu.test(name) ? `l’${name}` : `le ${name}`;
}

/** A date without its weekday (« 8 mars 2021 »): publication dates, and the day a registration came in. */
export function formatDate(dt: DateTime, lang: Lang): string {
  return edited(dt.setLocale(INTL_LOCALE[lang]).toLocaleString({ day: 'numeric', month: 'long', year: 'numeric' }), lang);
}

export function formatDay(dt: DateTime, lang: Lang): string {
  return edited(dt.setLocale(INTL_LOCALE[lang]).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }), lang);
}

/**
 * The two ends of a span of days, the month and year said once when they are shared: "Monday 10" … "Friday 14 May
 * 2021", « lundi 10 » … « vendredi 14 mai 2021 », «الاثنين 10» … «الجمعة 14 مايو/أيار 2021» (no comma in a span).
 */
export function formatDaySpan(first: DateTime, last: DateTime, lang: Lang): { first: string; last: string } {
  const weekday = (dt: DateTime) => dt.setLocale(INTL_LOCALE[lang]).toLocaleString({ weekday: 'long' });
  const full = (dt: DateTime) => `${weekday(dt)} ${formatDate(dt, lang)}`;
  const sameMonth = first.hasSame(last, 'month') && first.hasSame(last, 'year');
  return { first: sameMonth ? edited(`${weekday(first)} ${first.day}`, lang) : full(first), last: full(last) };
}

export function formatShortDay(dt: DateTime, lang: Lang): string {
  return edited(dt.setLocale(INTL_LOCALE[lang]).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' }), lang);
}

export const formatTime = (dt: DateTime): string => dt.toFormat('HH:mm');

/** A heading's first letter in capitals (« Mardi 4 mai »): French day names are lower case inside a sentence only. */
export const capitalise = (text: string, lang: Lang): string => text.charAt(0).toLocaleUpperCase(INTL_LOCALE[lang]) + text.slice(1);

/** "Eastern Time (UTC-4)", « heure de l’Est nord-américain (UTC-4) », "التوقيت الشرقي لأمريكا الشمالية (UTC-4)". */
export function zoneLabel(dt: DateTime, lang: Lang = 'en'): string {
  const zone = dt.zoneName ?? 'UTC';
  // Remembered: building an Intl.DateTimeFormat took a tenth of the CPU of answering `today` (bench profile).
  const key = `${lang}|${zone}|${dt.offset}`;
  let label = zoneLabels.get(key);
  if (label === undefined) {
    label = computeZoneLabel(dt, zone, lang);
    if (zoneLabels.size > 5_000) zoneLabels.clear();
    zoneLabels.set(key, label);
  }
  return label;
}

const zoneLabels = new Map<string, string>();

function computeZoneLabel(dt: DateTime, zone: string, lang: Lang): string {
  const offset = dt.toFormat('ZZ').replace(/:00$/, '').replace(/^([+-])0/, '$1');
  if (dt.offset === 0 && /^(UTC|Etc\/UTC|Etc\/GMT|GMT)$/.test(zone)) return 'UTC';
  const city = CITY_NAMES[zone]?.[lang];
  if (city) return `${city} (UTC${offset})`;
  const name = new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(dt.toJSDate()).find((p) => p.type === 'timeZoneName')?.value;
  // Where ICU knows no name in words it writes an offset ("GMT+3"): then the zone's own city.
  const words = name && !/^(GMT|UTC|غرينتش)/.test(name) ? name : zone.split('/').pop()!.replace(/_/g, ' ');
  return `${words} (UTC${offset})`;
}

export function formatList(items: string[], lang: Lang): string {
  return new Intl.ListFormat(INTL_LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A long wait as people say it (« 7 jours et 22 heures », "2 hours and 5 minutes"), not 11430 minutes: days and
 * hours past a day, hours and minutes past an hour.
 */
export function formatDuration(minutes: number, lang: Lang): string {
  const unit = (n: number, u: 'day' | 'hour' | 'minute') => new Intl.NumberFormat(INTL_LOCALE[lang], { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const parts = days > 0 ? [unit(days, 'day'), ...(hours > 0 ? [unit(hours, 'hour')] : [])] : [unit(hours, 'hour'), ...(minutes % 60 > 0 ? [unit(minutes % 60, 'minute')] : [])];
  return formatList(parts, lang);
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang]).format(n);
}
