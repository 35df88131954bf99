// Every word and phrase the reader knows, from the per-language tables, and the labelling of a message with
// them: the longest phrase wins ("good morning" is a greeting, "morning" a part of the day).
import { LANGS, type Lang } from '../core/lang.js';
import { foldText, phraseKey, splitWord } from './normalize.js';
import type { Meaning, Token } from './types.js';
import { STOP_WORDS, TABLES } from './vocabulary/load.js';
import type { LanguageTable } from './vocabulary/schema.js';
import { INTENTS, PARTS } from '../core/reading.js';

interface Entry {
  words: string[];
  meanings: Meaning[];
  /** Languages this phrase belongs to: a sign of the language a message is written in. */
  langs: Set<Lang>;
}

/** Each table's phrases with what they mean. */
function* phrasesOf(table: LanguageTable): Generator<[string, Meaning]> {
  for (const { offset, phrases } of table.relativeDays) for (const p of phrases) yield [p, { kind: 'relativeDay', offset }];
  for (const [i, names] of table.weekdays.entries()) for (const p of names) yield [p, { kind: 'weekday', day: i + 1 }];
  for (const [i, names] of table.months.entries()) for (const p of names) yield [p, { kind: 'month', month: i + 1 }];
  for (const [i, names] of table.numbers.entries()) for (const p of names) yield [p, { kind: 'number', value: i + 1 }];
  for (const [i, names] of table.ordinals.entries()) for (const p of names) yield [p, { kind: 'ordinal', value: i + 1 }];
  for (const p of table.final) yield [p, { kind: 'final' }];
  for (const which of ['this', 'next', 'last'] as const) for (const p of table.modifiers[which]) yield [p, { kind: 'modifier', which }];
  for (const p of table.past) yield [p, { kind: 'past' }];
  for (const p of table.remaining) yield [p, { kind: 'remaining' }];
  for (const p of table.referents) yield [p, { kind: 'referent' }];
  for (const { days, phrases } of table.shifts) for (const p of phrases) yield [p, { kind: 'shift', days }];
  for (const p of table.weekWords) yield [p, { kind: 'weekWord' }];
  for (const p of table.dayWords) yield [p, { kind: 'dayWord' }];
  for (const part of PARTS) for (const p of table.parts[part]) yield [p, { kind: 'part', part }];
  for (const p of table.durations.minutes) yield [p, { kind: 'timeUnit', minutes: 1 }];
  for (const p of table.durations.hours) yield [p, { kind: 'timeUnit', minutes: 60 }];
  for (const { minutes, phrases } of table.durations.fixed) for (const p of phrases) yield [p, { kind: 'duration', minutes }];
  for (const intent of INTENTS) for (const p of table.intents[intent]) yield [p, { kind: 'intent', intent }];
  for (const lang of LANGS) for (const p of table.languageNames[lang]) yield [p, { kind: 'language', lang }];
  for (const p of table.fillers) yield [p, { kind: 'filler' }];
}

const sameMeaning = (a: Meaning, b: Meaning) => JSON.stringify(a) === JSON.stringify(b);

export class Lexicon {
  /** Phrases by their first word, longest first. */
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly stop = new Map<string, Set<Lang>>();
  /** Single words that show a language without meaning anything to the reader (command words, topic names). */
  private readonly shown = new Map<string, Set<Lang>>();
  private readonly neutral: Record<Lang, Set<string>>;
  private readonly prefixes: string[];
  private readonly pronouns: string[];
  private maxWords = 1;

  /** `extraWords`: more words that show a language (the command words, the names of topics). */
  constructor(extraWords: Partial<Record<Lang, readonly string[]>> = {}) {
    const entries = new Map<string, Entry>();
    const add = (text: string, lang: Lang, meaning: Meaning) => {
      const key = phraseKey(text);
      if (key === '') return;
      let entry = entries.get(key);
      if (!entry) entries.set(key, (entry = { words: key.split(' '), meanings: [], langs: new Set() }));
      entry.langs.add(lang);
      if (!entry.meanings.some((m) => sameMeaning(m, meaning))) entry.meanings.push(meaning);
    };
    for (const lang of LANGS) {
      for (const [text, meaning] of phrasesOf(TABLES[lang])) add(text, lang, meaning);
      // Texts hold the same words many times: folded in one go, each distinct word split once.
      const raw = new Set(foldText((extraWords[lang] ?? []).join('\n')).split(/\s+/));
      for (const word of new Set([...raw].flatMap(splitWord))) {
        if (!this.shown.has(word)) this.shown.set(word, new Set());
        this.shown.get(word)!.add(lang);
      }
      // A contraction without its apostrophe is another word ("i'd" → "id", "she'll" → "shell"): not a stop word.
      for (const word of STOP_WORDS[lang].filter((w) => !/['’]/.test(w))) {
        const key = phraseKey(word);
        if (!this.stop.has(key)) this.stop.set(key, new Set());
        this.stop.get(key)!.add(lang);
      }
    }
    for (const entry of entries.values()) {
      const first = entry.words[0]!;
      if (!this.byFirst.has(first)) this.byFirst.set(first, []);
      this.byFirst.get(first)!.push(entry);
      this.maxWords = Math.max(this.maxWords, entry.words.length);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.neutral = Object.fromEntries(LANGS.map((l) => [l, new Set(TABLES[l].neutral.map(phraseKey))])) as Record<Lang, Set<string>>;
    this.prefixes = LANGS.flatMap((l) => TABLES[l].prefixes.map(phraseKey)).sort((a, b) => b.length - a.length);
    this.pronouns = LANGS.flatMap((l) => TABLES[l].pronounSuffixes.map(phraseKey));
  }

  /**
   * A word, and the word without a clitic written onto it (والخميس → الخميس, خميس), or a plural or 's ("when's");
   * with `pronouns`, also without a pronoun ending (أضفها → أضف).
   */
  variants(word: string, pronouns = true): string[] {
    const out = [word];
    if (/^[a-z]{3,}s$/.test(word)) out.push(word.slice(0, -1));
    for (const prefix of this.prefixes) {
      if (word.startsWith(prefix) && word.length - prefix.length >= 3) out.push(word.slice(prefix.length));
    }
    // The person a spoken Arabic verb is conjugated in (نتسجل, أتسجل, يتسجل: I or we register) says nothing here.
    if (/^[اتني]\p{Script=Arabic}{3,}$/u.test(word) && !word.startsWith('ال')) for (const p of ['ا', 'ن', 'ت', 'ي']) if (p !== word[0]) out.push(p + word.slice(1));
    if (!pronouns) return out;
    for (const w of [...out]) for (const p of this.pronouns) if (w.endsWith(p) && w.length - p.length >= 3) out.push(w.slice(0, -p.length));
    return out;
  }

  private matches(entry: Entry, variants: readonly string[][], at: number): boolean {
    if (at + entry.words.length > variants.length) return false;
    return entry.words.every((w, j) => variants[at + j]!.includes(w));
  }

  /** The message's words labelled with the vocabulary, phrases taken whole, longest first. */
  label(words: readonly string[]): { tokens: Token[]; langs: Set<Lang>[] } {
    const tokens: Token[] = [];
    const langs: Set<Lang>[] = [];
    const variants = words.map((w) => this.variants(w));
    for (let i = 0; i < words.length; ) {
      let found: Entry | undefined;
      for (const variant of variants[i]!) {
        for (const entry of this.byFirst.get(variant) ?? []) {
          if (entry.words.length > (found?.words.length ?? 0) && this.matches(entry, variants, i)) found = entry;
        }
      }
      const span = found?.words.length ?? 1;
      const text = words.slice(i, i + span).join(' ');
      const stopLangs = span === 1 ? this.stop.get(words[i]!) : undefined;
      const shownLangs = span === 1 ? this.shown.get(words[i]!) : undefined;
      // A verb found only without its pronoun ending (أضفها) also points at what was shown.
      const pronoun = found !== undefined && !this.variants(words[i]!, false).includes(found.words[0]!);
      const meanings = pronoun ? [...found!.meanings, { kind: 'referent' } as const] : (found?.meanings ?? []);
      tokens.push({ text, at: i, span, meanings, stop: stopLangs !== undefined || (meanings.length > 0 && meanings.every((m) => m.kind === 'filler')) });
      // A phrase weighs as many words as it has: "what's on" is two English words.
      const shown = this.evidence(text, new Set([...(found?.langs ?? []), ...(stopLangs ?? []), ...(shownLangs ?? [])]));
      for (let w = 0; w < span; w++) langs.push(shown);
      i += span;
    }
    return { tokens, langs };
  }

  /** The languages a token shows, less those it is written the same in. */
  private evidence(text: string, langs: Set<Lang>): Set<Lang> {
    if (text.length < 2 || !/\p{L}/u.test(text)) return new Set(); // "y" of x@y.org, "a", "2": they tell nothing
    for (const lang of [...langs]) if (this.neutral[lang].has(text)) langs.delete(lang);
    return langs;
  }

  /** Whether a word (or phrase) means anything to the reader, or is a stop word. */
  knows(word: string): boolean {
    return this.stop.has(word) || this.variants(word).some((v) => this.byFirst.get(v)?.some((e) => e.words.length === 1));
  }

  /** Whether a word is written in the event's own texts or command words ("transfers"): a real word, not a typo. */
  written(word: string): boolean {
    return this.shown.has(word);
  }

  maxPhraseWords(): number {
    return this.maxWords;
  }
}
