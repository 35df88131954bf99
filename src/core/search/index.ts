// The resource library's search: one index per language, each with Orama's tokenizer and that language's stemmer,
// queried together, so a query in any of the three languages finds an item whatever language its original title is in.
//
// It answers exactly as one Orama index per language did (same tokens, same prefix matching of every query word,
// same BM25 scores and boosts, same "all words in one field, else any word" rule), but is built for speed:
// sorted term lists with precomputed postings and BM25 factors, one scoring pass shared by both rules, reused
// buffers (no garbage per query), ids ranked once instead of compared per query, and a top-k selection instead
// of sorting every match. See bench/search.ts, which checks it against the Orama implementation (bench/orama-search.ts).
import type { Resource } from '../content/schema.js';
import { LANGS, type Lang } from '../lang.js';
import { buildField, lowerBound, type Field } from './field.js';
import { oramaLanguage, prepare, tokenizerFor, type Tokenizer } from './tokenizer.js';

/** The searched fields, in the order Orama visited them, with their boosts. */
const FIELDS = ['title', 'summary', 'tags'] as const;
const BOOST = [2, 1, 1.5] as const;
export interface SearchHit {
  id: string;
  score: number;
}

/** One language's index, with the buffers one query fills and then clears. */
interface LangIndex {
  lang: Lang;
  tokenizer: Tokenizer;
  fields: Field[];
  score: Float64Array;
  /** Per field, per item: how many (query word, matching token) pairs hit it. */
  matches: Uint32Array[];
  touched: Uint8Array;
  hits: Int32Array;
  hitCount: number;
  /** Whether every query word matched somewhere, and how many words the query has. */
  allFound: boolean;
  keywords: number;
}

export class ResourceSearch {
  private readonly rank: Int32Array;
  private readonly best: Float64Array;
  private readonly seen: Uint8Array;
  private readonly candidates: Int32Array;

  private constructor(
    private readonly ids: string[],
    private readonly indexes: LangIndex[],
  ) {
    const n = ids.length;
    // Ties are broken by id as String#localeCompare orders them: ranked once here.
    const order = ids.map((_, i) => i).sort((a, b) => ids[a]!.localeCompare(ids[b]!));
    this.rank = new Int32Array(n);
    order.forEach((doc, position) => (this.rank[doc] = position));
    this.best = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.candidates = new Int32Array(n);
  }

  static async build(resources: readonly Resource[]): Promise<ResourceSearch> {
    const ids = resources.map((r) => r.id);
    const unique = new Set<string>();
    for (const id of ids) {
      if (unique.has(id)) throw new Error(`search: duplicate resource id ${id}`);
      unique.add(id);
    }
    const n = ids.length;
    const indexes = LANGS.map((lang): LangIndex => {
      const tokenizer = tokenizerFor(lang);
      const language = oramaLanguage(lang);
      const fields = FIELDS.map((prop, f) =>
        buildField(
          resources.map((r) => tokenizer.tokenize(prepare(lang, r[prop][lang]), language, prop, true)),
          BOOST[f]!,
        ),
      );
      tokenizer.normalizationCache.clear(); // queries tokenize without the cache, so it never grows with what people type
      return {
        lang,
        tokenizer,
        fields,
        score: new Float64Array(n),
        matches: FIELDS.map(() => new Uint32Array(n)),
        touched: new Uint8Array(n),
        hits: new Int32Array(n),
        hitCount: 0,
        allFound: false,
        keywords: 1,
      };
    });
    return new ResourceSearch(ids, indexes);
  }

  /** Items matching every word in some language; if none do, items matching any word. Best first. */
  query(words: string, limit = 10): SearchHit[] {
    try {
      for (const index of this.indexes) this.score(index, words);
      const all = this.collect(true, limit);
      return all.length > 0 ? all : this.collect(false, limit);
    } finally {
      for (const index of this.indexes) this.clear(index);
    }
  }

  /** Scores every item any query word (as a prefix of a token) reaches in this language. */
  private score(index: LangIndex, words: string): void {
    const term = prepare(index.lang, words);
    const tokens = index.tokenizer.tokenize(term, oramaLanguage(index.lang), undefined, false);
    index.keywords = tokens.length || 1;
    if (tokens.length === 0 && !term) tokens.push(''); // an empty query reaches everything, as in Orama
    const found = new Uint8Array(tokens.length);
    const { score, touched, hits } = index;
    for (let f = 0; f < index.fields.length; f++) {
      const field = index.fields[f]!;
      const matches = index.matches[f]!;
      const { terms, postings, idf, numer, denom, boost, toWalk, fromWalk, isIndex } = field;
      const add = (i: number): void => {
        const docs = postings[i]!;
        const termIdf = idf[i]!;
        for (let j = 0; j < docs.length; j++) {
          const doc = docs[j]!;
          if (touched[doc] === 0) {
            touched[doc] = 1;
            hits[index.hitCount++] = doc;
          }
          matches[doc]!++;
          score[doc]! += ((termIdf * numer[doc]!) / denom[doc]!) * boost;
        }
      };
      for (let t = 0; t < tokens.length; t++) {
        const token = tokens[t]!;
        const lo = lowerBound(terms, token);
        let hi = lo;
        while (hi < terms.length && terms[hi]!.startsWith(token)) hi++;
        if (hi === lo) continue;
        found[t] = 1;
        if (hi - lo === 1) {
          add(lo);
          continue;
        }
        // Several tokens start with this word: sum in Orama's order (see Field.toWalk).
        const numeric: number[] = [];
        let start = toWalk[lo]!;
        for (let i = lo; i < hi; i++) {
          if (isIndex[i]) numeric.push(i);
          start = Math.min(start, toWalk[i]!);
        }
        numeric.sort((a, b) => Number(terms[a]) - Number(terms[b]));
        for (const i of numeric) add(i);
        for (let w = start; w < start + (hi - lo); w++) if (!isIndex[fromWalk[w]!]) add(fromWalk[w]!);
      }
    }
    index.allFound = found.every((x) => x === 1);
  }

  /** Orama's threshold 0: with several words, all must be found, and one field of the item must hold as many matches. */
  private strictMatch(index: LangIndex, doc: number): boolean {
    if (index.keywords === 1) return true;
    if (!index.allFound) return false;
    return index.matches.some((m) => m[doc] === index.keywords);
  }

  private collect(strict: boolean, limit: number): SearchHit[] {
    const { best, seen, candidates } = this;
    let count = 0;
    for (const index of this.indexes) {
      for (let h = 0; h < index.hitCount; h++) {
        const doc = index.hits[h]!;
        if (strict && !this.strictMatch(index, doc)) continue;
        const s = index.score[doc]!;
        if (seen[doc] === 0) {
          seen[doc] = 1;
          best[doc] = s;
          candidates[count++] = doc;
        } else if (s > best[doc]!) best[doc] = s;
      }
    }
    const docs = this.top(count, limit);
    const out = docs.map((doc) => ({ id: this.ids[doc]!, score: best[doc]! }));
    for (let c = 0; c < count; c++) {
      const doc = candidates[c]!;
      seen[doc] = 0;
      best[doc] = 0;
    }
    return out;
  }

  /** The first `limit` candidates, best score first, then by id: a bounded heap when few are wanted of many. */
  private top(count: number, limit: number): number[] {
    const { best, rank, candidates } = this;
    // a before b?
    const before = (a: number, b: number) => best[a]! > best[b]! || (best[a] === best[b] && rank[a]! < rank[b]!);
    const order = (a: number, b: number) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
    if (!(Number.isInteger(limit) && limit > 0 && limit * 4 < count)) {
      return Array.from(candidates.subarray(0, count)).sort(order).slice(0, limit);
    }
    // A heap of the best `limit` so far, its worst at the root.
    const heap: number[] = [];
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
        if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
        if (worst === i) return;
        [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
        i = worst;
      }
    };
    for (let c = 0; c < count; c++) {
      const doc = candidates[c]!;
      if (heap.length < limit) {
        heap.push(doc);
        for (let i = heap.length - 1; i > 0; ) {
          const parent = (i - 1) >> 1;
          if (!before(heap[parent]!, heap[i]!)) break;
          [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
          i = parent;
        }
      } else if (before(doc, heap[0]!)) {
        heap[0] = doc;
        siftDown(0);
      }
    }
    return heap.sort(order);
  }

  private clear(index: LangIndex): void {
    for (let h = 0; h < index.hitCount; h++) {
      const doc = index.hits[h]!;
      index.touched[doc] = 0;
      index.score[doc] = 0;
      for (const m of index.matches) m[doc] = 0;
    }
    index.hitCount = 0;
  }
}
