// Sessions, library items and weeks ranked together for a subject, with the tokenizer and stemmer per language
// that the library search uses. A word found in a title counts more than in the tags, and more there than in a
// description; rarer words count more; an item that holds every word of the subject beats one that holds some.
// Exact stems match; a stem of four letters or more also matches longer ones (handicap → handicapées), a little less.
import { LANGS, type Lang } from '../core/lang.js';
import { oramaLanguage, prepare, tokenizerFor } from '../core/search/tokenizer.js';
import type { Doc } from './documents.js';
import type { Hit } from '../core/reading.js';
import { TABLES } from './vocabulary/load.js';
import { foldText } from './normalize.js';

/** Arabic writes "and", "with", "for" onto the article (والإرشاد, بالمدفوعات, للمسنين): kept as the article alone. */
const BEFORE_ARTICLE = TABLES.ar.prefixes.map(foldText).filter((p) => p.length > 1 && (p.endsWith('ال') || p === 'لل') && p !== 'ال');
const CLITIC_ARTICLE = new RegExp(`(^|\\s)(${BEFORE_ARTICLE.join('|')})(?=\\S{3})`, 'gu');

/** The text as a language's tokenizer should see it. */
const textFor = (lang: Lang, text: string): string => (lang === 'ar' ? prepare(lang, text).replace(CLITIC_ARTICLE, '$1ال') : text);

const FIELDS = [
  ['title', 3],
  ['tags', 2],
  ['body', 1],
] as const;
const PREFIX_FACTOR = 0.7;
const MIN_PREFIX = 4;
/** Hits kept: at least this share of the best score, holding at least this share of the subject's words. */
const KEEP_SHARE = 0.5;
const MIN_COVERAGE = 0.5;

type Tokenizer = ReturnType<typeof tokenizerFor>;

interface LangIndex {
  tokenizer: Tokenizer;
  /** Per stem: the best field weight in each document holding it. */
  postings: Map<string, Map<number, number>>;
  /** The stems in code-unit order, for prefix look-ups. */
  sorted: string[];
}

function lowerBound(sorted: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class AboutIndex {
  private readonly indexes: Record<Lang, LangIndex>;

  constructor(private readonly docs: readonly Doc[]) {
    this.indexes = Object.fromEntries(LANGS.map((lang) => [lang, this.build(lang)])) as Record<Lang, LangIndex>;
  }

  private build(lang: Lang): LangIndex {
    // No stop words here: the subject reaching the index has none left, and the tokenizer checks them one by one.
    const tokenizer = tokenizerFor(lang);
    const postings = new Map<string, Map<number, number>>();
    this.docs.forEach((doc, d) => {
      for (const [field, weight] of FIELDS) {
        // The tokenizer's cache is used while building (tags repeat the same names) and cleared after.
        for (const stem of tokenizer.tokenize(textFor(lang, doc[field][lang]), oramaLanguage(lang), field, true)) {
          let byDoc = postings.get(stem);
          if (!byDoc) postings.set(stem, (byDoc = new Map()));
          byDoc.set(d, Math.max(byDoc.get(d) ?? 0, weight));
        }
      }
    });
    tokenizer.normalizationCache.clear(); // queries tokenize without it, so it never grows with what people type
    return { tokenizer, postings, sorted: [...postings.keys()].sort() };
  }

  /** Each document's weight for one query stem: exact, or (long stems) as a prefix of a longer one. */
  private weights(index: LangIndex, stem: string): Map<number, number> {
    const out = new Map(index.postings.get(stem) ?? []);
    if (stem.length < MIN_PREFIX) return out;
    for (let i = lowerBound(index.sorted, stem); i < index.sorted.length && index.sorted[i]!.startsWith(stem); i++) {
      const term = index.sorted[i]!;
      if (term === stem) continue;
      for (const [d, w] of index.postings.get(term)!) out.set(d, Math.max(out.get(d) ?? 0, w * PREFIX_FACTOR));
    }
    return out;
  }

  /** Sessions, items and weeks about `subject`, best first. */
  find(subject: string, limit = 20): Hit[] {
    if (subject.trim() === '') return [];
    const best = new Map<number, number>();
    for (const lang of LANGS) {
      const index = this.indexes[lang];
      const stems = index.tokenizer.tokenize(textFor(lang, subject), oramaLanguage(lang), undefined, false);
      if (stems.length === 0) continue;
      const score = new Map<number, number>();
      const matched = new Map<number, number>();
      for (const stem of stems) {
        const weights = this.weights(index, stem);
        const idf = Math.log(1 + this.docs.length / Math.max(1, weights.size));
        for (const [d, w] of weights) {
          score.set(d, (score.get(d) ?? 0) + idf * w);
          matched.set(d, (matched.get(d) ?? 0) + 1);
        }
      }
      for (const [d, s] of score) {
        const coverage = matched.get(d)! / stems.length;
        if (coverage < MIN_COVERAGE) continue;
        const value = s * coverage;
        if (value > (best.get(d) ?? 0)) best.set(d, value);
      }
    }
    const top = Math.max(0, ...best.values());
    return [...best]
      .filter(([, s]) => s >= top * KEEP_SHARE)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([d, score]) => ({ kind: this.docs[d]!.kind, id: this.docs[d]!.id, score }));
  }
}
