// A country named in English, French or Arabic (or by its ISO code) → its ISO 3166-1 alpha-2 code.
// "Maroc", "المغرب" and "Morocco" are the same answer; "Congo" is ambiguous and offers choices.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { distance } from 'fastest-levenshtein';
import { LANGS, type Lang } from '../lang.js';
import { normalizeArabic } from '../i18n/normalize.js';
import { editedCountryName, editedCountryNames } from './country-names.js';

const require = createRequire(import.meta.url);
for (const lang of LANGS) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Lower case, no accents, no punctuation, Arabic variants unified, no leading article. */
export function normalizeCountry(text: string): string {
  return normalizeArabic(text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
    .replace(/[’'`.,()\-–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|la|le|les|l) /, '');
}

interface Entry {
  code: string;
  name: string; // normalized
}

const entries: Entry[] = [
  ...LANGS.flatMap((lang) => Object.entries(countries.getNames(lang, { select: 'all' })).flatMap(([code, names]) => (names as string[]).map((n) => ({ code, name: normalizeCountry(n) })))),
  ...editedCountryNames().map(({ code, name }) => ({ code, name: normalizeCountry(name) })),
];

export type CountryMatch = { kind: 'one'; code: string } | { kind: 'several'; codes: string[] } | { kind: 'none' };

const unique = (codes: string[]) => [...new Set(codes)].sort();

export function matchCountry(text: string): CountryMatch {
  const raw = text.trim();
  if (/^[A-Za-z]{2,3}$/.test(raw) && countries.isValid(raw.toUpperCase())) {
    const code = raw.length === 2 ? raw.toUpperCase() : countries.alpha3ToAlpha2(raw.toUpperCase());
    if (code) return { kind: 'one', code };
  }
  const typed = normalizeCountry(raw);
  if (typed.length < 2) return { kind: 'none' };
  const exact = unique(entries.filter((e) => e.name === typed).map((e) => e.code));
  if (exact.length === 1) return { kind: 'one', code: exact[0]! };
  if (exact.length > 1) return { kind: 'several', codes: exact };
  // A word of a longer name: "Congo" → Congo and DR Congo; "Korea" → North and South.
  const partial = unique(entries.filter((e) => typed.length >= 3 && (` ${e.name} `.includes(` ${typed} `) || e.name.startsWith(typed))).map((e) => e.code));
  if (partial.length === 1) return { kind: 'one', code: partial[0]! };
  if (partial.length > 1) return { kind: 'several', codes: partial.slice(0, 8) };
  // A typo: offer the nearest names rather than guess.
  const near = entries.map((e) => ({ code: e.code, d: distance(typed, e.name) })).filter((x) => x.d <= Math.max(1, Math.round(typed.length / 3.5)));
  const best = Math.min(...near.map((x) => x.d));
  const codes = unique(near.filter((x) => x.d === best).map((x) => x.code));
  return codes.length > 0 ? { kind: 'several', codes: codes.slice(0, 8) } : { kind: 'none' };
}

export const countryName = (code: string, lang: Lang): string => editedCountryName(code, lang) ?? countries.getName(code, lang) ?? code;

/** Every code matchCountry can answer with: each needs a region entry in content/country-regions.json. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
