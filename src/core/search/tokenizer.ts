// Orama's tokenizer with each language's stemmer, shared by the library search and the question reader.
import { components } from '@orama/orama';
import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import type { Lang } from '../lang.js';
import { normalizeArabic } from '../i18n/normalize.js';

const ORAMA_LANGUAGE = { en: 'english', fr: 'french', ar: 'arabic' } as const;
const STEMMERS = { en: englishStemmer, fr: frenchStemmer, ar: arabicStemmer };

export type Tokenizer = ReturnType<typeof components.tokenizer.createTokenizer>;

export const prepare = (lang: Lang, text: string): string => (lang === 'ar' ? normalizeArabic(text) : text);

/** Orama's tokenizer with this language's stemmer; the question reader uses it too, with stop words. */
export function tokenizerFor(lang: Lang, stopWords?: string[]): Tokenizer {
  return components.tokenizer.createTokenizer({ language: ORAMA_LANGUAGE[lang], stemming: true, stemmer: STEMMERS[lang], stemmerSkipProperties: ['id'], ...(stopWords ? { stopWords } : {}) });
}

/** Orama's name for a language, as its tokenizer wants it. */
export const oramaLanguage = (lang: Lang): string => ORAMA_LANGUAGE[lang];
