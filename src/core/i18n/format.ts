// Dates, times, numbers and lists formatted for the reader's language (Latin digits everywhere, 24-hour times).
import { DateTime } from 'luxon';
import type { Lang } from '../content/schema.js';

const INTL_LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-u-nu-latn' };

export const intlLocale = (lang: Lang): string => INTL_LOCALE[lang];

export function formatDay(dt: DateTime, lang: Lang): string {
  return dt.setLocale(INTL_LOCALE[lang]).toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatShortDay(dt: DateTime, lang: Lang): string {
  return dt.setLocale(INTL_LOCALE[lang]).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short' });
}

export const formatTime = (dt: DateTime): string => dt.toFormat('HH:mm');

/** "America/New York (UTC-4)": the zone a reply's times are in. */
export function zoneLabel(dt: DateTime): string {
  const place = dt.zoneName?.replace(/_/g, ' ') ?? 'UTC';
  const offset = dt.toFormat('ZZ').replace(/:00$/, '').replace(/^([+-])0/, '$1');
  return dt.offset === 0 && place === 'UTC' ? 'UTC' : `${place} (UTC${offset})`;
}

export function formatList(items: string[], lang: Lang): string {
  return new Intl.ListFormat(INTL_LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(INTL_LOCALE[lang]).format(n);
}
