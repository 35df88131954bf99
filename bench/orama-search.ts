// REFERENCE for bench/search.ts: the previous src/core/search.ts, one Orama index per language, each with its own stemmer, queried together,
// so a query in any of the three languages finds an item whatever language its original title is in.
import { create, insertMultiple, search, type Orama } from '@orama/orama';
import { stemmer as arabicStemmer } from '@orama/stemmers/arabic';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import type { Resource } from '../src/core/content/schema.js';
import { LANGS, type Lang } from '../src/core/lang.js';
import { normalizeArabic } from '../src/core/i18n/normalize.js';

const ORAMA_LANGUAGE = { en: 'english', fr: 'french', ar: 'arabic' } as const;
const STEMMERS = { en: englishStemmer, fr: frenchStemmer, ar: arabicStemmer };
const schema = { id: 'string', title: 'string', summary: 'string', tags: 'string' } as const;
type Index = Orama<typeof schema>;

const prepare = (lang: Lang, text: string): string => (lang === 'ar' ? normalizeArabic(text) : text);

export interface SearchHit {
  id: string;
  score: number;
}

export class OramaResourceSearch {
  private constructor(private readonly indexes: Map<Lang, Index>) {}

  static async build(resources: readonly Resource[]): Promise<OramaResourceSearch> {
    const indexes = new Map<Lang, Index>();
    for (const lang of LANGS) {
      const db = create({
        schema,
        components: { tokenizer: { language: ORAMA_LANGUAGE[lang], stemming: true, stemmer: STEMMERS[lang], stemmerSkipProperties: ['id'] } },
      });
      await insertMultiple(
        db,
        resources.map((r) => ({
          id: r.id,
          title: prepare(lang, r.title[lang]),
          summary: prepare(lang, r.summary[lang]),
          tags: prepare(lang, r.tags[lang]),
        })),
      );
      indexes.set(lang, db);
    }
    return new OramaResourceSearch(indexes);
  }

  /** Items matching every word in some language; if none do, items matching any word. Best first. */
  query(words: string, limit = 10): SearchHit[] {
    const all = this.run(words, 0, limit);
    return all.length > 0 ? all : this.run(words, 1, limit);
  }

  private run(words: string, threshold: 0 | 1, limit: number): SearchHit[] {
    const best = new Map<string, number>();
    for (const [lang, db] of this.indexes) {
      const result = search(db, {
        term: prepare(lang, words),
        properties: ['title', 'summary', 'tags'],
        boost: { title: 2, tags: 1.5 },
        threshold,
        limit: 1000,
      });
      if (result instanceof Promise) throw new Error('Orama search unexpectedly asynchronous');
      for (const hit of result.hits) {
        const id = hit.document.id;
        best.set(id, Math.max(best.get(id) ?? 0, hit.score));
      }
    }
    return [...best.entries()]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}
