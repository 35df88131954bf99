// The reader's tables, loaded and checked once: a wrong table stops start-up with the file and the problem.
import ar from './ar.json' with { type: 'json' };
import concepts from './concepts.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import { stopwords as arabicStopWords } from '@orama/stopwords/arabic';
import { stopwords as englishStopWords } from '@orama/stopwords/english';
import { stopwords as frenchStopWords } from '@orama/stopwords/french';
import type { Lang } from '../../core/lang.js';
import { conceptsSchema, languageTableSchema, type Concepts, type LanguageTable } from './schema.js';

function checked<T>(name: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new Error(`src/understanding/vocabulary/${name}: ${(err as Error).message}`);
  }
}

export const TABLES: Record<Lang, LanguageTable> = {
  en: checked('en.json', () => languageTableSchema.parse(en)),
  fr: checked('fr.json', () => languageTableSchema.parse(fr)),
  ar: checked('ar.json', () => languageTableSchema.parse(ar)),
};

export const CONCEPTS: Concepts = checked('concepts.json', () => conceptsSchema.parse(concepts));

/** Each language's stop words, the same lists Orama ships for its tokenizers. */
export const STOP_WORDS: Record<Lang, readonly string[]> = { en: englishStopWords, fr: frenchStopWords, ar: arabicStopWords };
