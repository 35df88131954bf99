// Questions about the event itself ("is it free?", « qui peut participer ? », «متى يبدأ الحدث؟»), read with the
// signs of content/event-faq.json: a sign is words that must all be in the question, in any order, each a word, a
// stem or a class of words. The best fact is the one whose sign holds the most words. Clitics come off (بالعربية),
// accents are folded, and a misspelt Latin word still counts when the sign's word has six letters or more, the
// first one right (one letter wrong, two from nine): the vocabulary is the file's, not a list of typos.
import { distance } from 'fastest-levenshtein';
import { LANGS } from '../core/lang.js';
import type { Faq } from '../core/content/faq.js';
import type { Lexicon } from './lexicon.js';
import { wordsOf } from './normalize.js';

interface Term {
  exact: Set<string>;
  prefixes: string[];
}

interface Sign {
  fact: string;
  terms: Term[];
}

export interface FactFound {
  id: string;
  /** The message's words that belong to the fact's signs (indexes into its words). */
  at: number[];
}

const LATIN = /^[a-z]+$/;
const FUZZY_FROM = 6;
/** Letters that may be wrong, by the length of the sign's word: "there" is not "where", "organisation" not "urbanisation". */
const typos = (word: string) => (word.length >= 9 ? 2 : 1);
const near = (typed: string, word: string) => word.length >= FUZZY_FROM && typed[0] === word[0] && Math.abs(word.length - typed.length) <= typos(word) && distance(typed, word) <= typos(word);

export class FactSigns {
  private readonly signs: Sign[] = [];

  constructor(
    faq: Faq,
    private readonly lexicon: Lexicon,
  ) {
    const alternatives = (term: string): string[] =>
      term.split('|').flatMap((alt) => (alt.startsWith('@') ? LANGS.flatMap((l) => faq.classes[alt.slice(1)]?.[l] ?? []) : [alt]));
    const compile = (term: string): Term => {
      const out: Term = { exact: new Set(), prefixes: [] };
      for (const alt of alternatives(term)) {
        const stem = alt.endsWith('*');
        const folded = wordsOf(stem ? alt.slice(0, -1) : alt).join('');
        if (folded === '') continue;
        if (stem) out.prefixes.push(folded);
        else out.exact.add(folded);
      }
      return out;
    };
    for (const fact of faq.facts) {
      for (const lang of LANGS) for (const sign of fact.signs[lang]) this.signs.push({ fact: fact.id, terms: sign.split(/\s+/).map(compile) });
    }
  }

  private matches(term: Term, variants: readonly string[]): boolean {
    for (const v of variants) {
      if (term.exact.has(v) || term.prefixes.some((p) => v.startsWith(p))) return true;
      if (!LATIN.test(v)) continue;
      for (const w of term.exact) if (near(v, w)) return true;
      for (const p of term.prefixes) if (v.length >= p.length && near(v.slice(0, p.length), p)) return true;
    }
    return false;
  }

  /** The fact a question is about, if a sign holds: the one with the most words, the file's order breaking ties. */
  find(words: readonly string[]): FactFound | undefined {
    const variants = words.map((w) => this.lexicon.variants(w));
    let best: (FactFound & { size: number }) | undefined;
    for (const sign of this.signs) {
      if (best && sign.terms.length <= best.size) continue;
      const at: number[] = [];
      for (const term of sign.terms) {
        const i = variants.findIndex((v, k) => !at.includes(k) && this.matches(term, v));
        if (i === -1) break;
        at.push(i);
      }
      if (at.length === sign.terms.length) best = { id: sign.fact, at, size: at.length };
    }
    if (!best) return undefined;
    // Every word of the fact's signs is part of the asking ("quand commence l'événement": the event word too).
    const terms = this.signs.filter((s) => s.fact === best!.id).flatMap((s) => s.terms);
    const at = variants.flatMap((v, i) => (best!.at.includes(i) || terms.some((t) => this.matches(t, v)) ? [i] : []));
    return { id: best.id, at };
  }
}
