// The names a UN or World Bank editor prints for the countries i18n-iso-countries spells otherwise
// (country-names.json, with its source): shown in replies, and understood when typed, beside the library's.
import { z } from 'zod';
import type { Lang } from '../lang.js';
import table from './country-names.json' with { type: 'json' };

const NAMES = z.object({ source: z.string(), names: z.record(z.string().regex(/^[A-Z]{2}$/), z.object({ en: z.string(), fr: z.string(), ar: z.string() }).partial()) }).parse(table).names;

/** The editor's name of a country in a language, when it differs from the library's. */
export const editedCountryName = (code: string, lang: Lang): string | undefined => NAMES[code]?.[lang];

/** Every edited name, for matching what people type. */
export const editedCountryNames = (): { code: string; name: string }[] => Object.entries(NAMES).flatMap(([code, names]) => Object.values(names).map((name) => ({ code, name })));
