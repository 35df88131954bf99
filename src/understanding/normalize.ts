// A message as the reader compares it: one spelling per word, whatever the keyboard, accents, Arabic letter
// variants, digits or punctuation. Vocabulary tables go through the same function, so both sides meet.
import { normalizeArabic, westernDigits } from '../core/i18n/normalize.js';


/** French elided articles and pronouns: "l'agenda" is "l" + "agenda". */
const ELISION = /^(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/iu;
/** A word holding digits keeps its inner punctuation: 12/05, 2021-05-12, w2-d3-a, covid-19, 09:30. */
const WITH_DIGITS = /\d/;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]/g;
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640]/g;
const CONTROLS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Western digits, straight apostrophes, no invisible controls: what both forms below start from. */
const clean = (text: string): string => westernDigits(text.normalize('NFC').replace(CONTROLS, '')).replace(/[’‘`´ʼ]/g, "'");

/** Lower case, no Latin accents, Arabic variants unified. */
export function foldText(text: string): string {
  return normalizeArabic(clean(text).toLowerCase().replace(LATIN_WITH_MARKS, (c) => c.normalize('NFD').replace(/\p{Mn}/gu, '')));
}

/** One whitespace-free piece of folded text as words: "l'agenda" → l, agenda; "après-midi" → apres, midi. */
export function splitWord(raw: string): string[] {
  const word = raw.replace(EDGE_PUNCTUATION, '');
  if (word === '') return [];
  if (WITH_DIGITS.test(word)) return [word.replace(/'/g, '')];
  const elided = ELISION.exec(word);
  if (elided) return [elided[1]!, ...splitWord(word.slice(elided[0].length))];
  // "what's" → "whats", "aujourd'hui" → "aujourdhui"; other punctuation separates words ("mayo/أيار", "après-midi").
  return word
    .replace(/'/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The words of a message (or of a vocabulary phrase), normalised. */
export function wordsOf(text: string): string[] {
  return foldText(text).split(/\s+/).flatMap(splitWord);
}

/**
 * The same words as the asker wrote them, accents and capitals kept, to show back ("Éthiopie", not "ethiopie");
 * the normalised words if the two ever fail to line up.
 */
export function shownWordsOf(text: string): string[] {
  const folded = wordsOf(text);
  const shown = clean(text).replace(ARABIC_MARKS, '').split(/\s+/).flatMap(splitWord);
  return shown.length === folded.length ? shown : folded;
}

/** A vocabulary phrase as a key: its normalised words joined by one space. */
export const phraseKey = (text: string): string => wordsOf(text).join(' ');
