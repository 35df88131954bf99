// One searched field of one language's index: sorted terms, postings and BM25 factors computed as Orama computes
// them, and the order Orama's radix tree walks a prefix's terms in (so scores are summed in the same order).
/** Orama's BM25 defaults. */
const K = 1.2;
const B = 0.75;
const D = 0.5;

/** One field of one language: its distinct tokens in code-unit order, the items holding each, and BM25 factors. */
export interface Field {
  terms: string[];
  postings: Int32Array[];
  /**
   * The order Orama's radix tree gave a prefix's tokens, which is the order their scores were summed in (kept, so
   * scores are equal to the last bit): tokens that are array indices ("15", "2021") first, by value, as
   * Object.keys lists them; then a depth-first walk of the tree, later-created branches first.
   */
  toWalk: Int32Array;
  fromWalk: Int32Array;
  /** Per term: 1 if it is an array index ("0", "2021"), listed first by Object.keys. */
  isIndex: Uint8Array;
  /** Per term: BM25 inverse document frequency. */
  idf: Float64Array;
  /** Per item: d + tf·(k+1), and tf + k·(1 − b + b·length/average length), as Orama computes them. */
  numer: Float64Array;
  denom: Float64Array;
  boost: number;
}

export function buildField(docTokens: string[][], boost: number): Field {
  const n = docTokens.length;
  const byTerm = new Map<string, number[]>(); // in order of first insertion
  const numer = new Float64Array(n);
  const denom = new Float64Array(n);
  let average = 0;
  for (let doc = 0; doc < n; doc++) {
    const tokens = docTokens[doc]!;
    average = (average * doc + tokens.length) / (doc + 1); // Orama's running average, same rounding
    for (const token of tokens) {
      const list = byTerm.get(token);
      if (list) list.push(doc);
      else byTerm.set(token, [doc]);
    }
  }
  for (let doc = 0; doc < n; doc++) {
    const length = docTokens[doc]!.length;
    if (length === 0) continue;
    const tf = 1 / length; // tokens are distinct, so each occurs once
    numer[doc] = D + tf * (K + 1);
    denom[doc] = tf + K * (1 - B + (B * length) / average);
  }
  const created = new Map([...byTerm.keys()].map((t, i) => [t, i]));
  const terms = [...byTerm.keys()].sort();
  const postings = terms.map((t) => Int32Array.from(byTerm.get(t)!));
  const idf = Float64Array.from(postings, (p) => Math.log(1 + (n - p.length + 0.5) / (p.length + 0.5)));
  const fromWalk = radixWalk(terms, Int32Array.from(terms, (t) => created.get(t)!));
  const toWalk = new Int32Array(terms.length);
  fromWalk.forEach((term, position) => (toWalk[term] = position));
  const isIndex = Uint8Array.from(terms, (t) => (ARRAY_INDEX.test(t) && Number(t) < 2 ** 32 - 1 ? 1 : 0));
  return { terms, postings, idf, numer, denom, boost, toWalk, fromWalk, isIndex };
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * The sorted terms in the order Orama's radix tree walks them (RadixNode.findAllWords: a stack, so a node's
 * own word first, then its branches in reverse order of creation; a branch is created by the first token
 * inserted below it). A prefix's tokens form one run of this order.
 */
function radixWalk(terms: readonly string[], created: Int32Array): Int32Array {
  const out: number[] = [];
  const visit = (lo: number, hi: number, depth: number): void => {
    if (hi - lo === 1) {
      out.push(lo);
      return;
    }
    let i = lo;
    if (terms[i]!.length === depth) out.push(i++);
    const branches: { lo: number; hi: number; first: number }[] = [];
    while (i < hi) {
      const c = terms[i]!.charCodeAt(depth);
      let j = i;
      let first = created[i]!;
      while (j < hi && terms[j]!.charCodeAt(depth) === c) first = Math.min(first, created[j++]!);
      branches.push({ lo: i, hi: j, first });
      i = j;
    }
    branches.sort((a, b) => b.first - a.first);
    for (const b of branches) visit(b.lo, b.hi, depth + 1);
  };
  if (terms.length > 0) visit(0, terms.length, 0);
  return Int32Array.from(out);
}

/** The first index in sorted `terms` not below `prefix`. */
export function lowerBound(terms: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
