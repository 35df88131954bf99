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
      // A word the reader knows, or the event's texts use, is no misspelling of another ("remove" is not "remote",
      // "transfers" not « transversaux »).
      if (!LATIN.test(v) || this.lexicon.knows(v) || this.lexicon.written(v)) continue;
      for (const w of term.exact) if (near(v, w)) return true;
      for (const p of term.prefixes) if (v.length >= p.length && near(v.slice(0, p.length), p)) return true;
    }
    return false;
  }

  /**
   * The fact a question is about. A fact counts when one of its signs holds whole; of those, the one whose signs
   * cover most of the question's words wins, then the one on longer words ("qui contacter pour…": contact, not
   * "pour qui"), then the file's order.
   */
  find(words: readonly string[]): FactFound | undefined {
    const variants = words.map((w) => this.lexicon.variants(w));
    const holds = (sign: Sign) => {
      const at: number[] = [];
      for (const term of sign.terms) {
        const i = variants.findIndex((v, k) => !at.includes(k) && this.matches(term, v));
        if (i === -1) return false;
        at.push(i);
      }
      return true;
    };
    let best: (FactFound & { weight: number }) | undefined;
    for (const fact of new Set(this.signs.filter(holds).map((s) => s.fact))) {
      // Every word of the fact's signs is part of the asking ("quand commence l'événement": the event word too).
      const terms = this.signs.filter((s) => s.fact === fact).flatMap((s) => s.terms);
      const at = variants.flatMap((v, i) => (terms.some((t) => this.matches(t, v)) ? [i] : []));
      const weight = at.reduce((n, i) => n + words[i]!.length, 0);
      if (!best || at.length > best.at.length || (at.length === best.at.length && weight > best.weight)) best = { id: fact, at, weight };
    }
    return best && { id: best.id, at: best.at };
  }
}
