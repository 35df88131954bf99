// Turning what people type into comparable words: case, accents kept apart from apostrophes, Arabic variants, digits.
/** Arabic spelling variants that mean the same word: vowel marks, tatweel, forms of alef, ya and ta marbuta. */
export function normalizeArabic(text: string): string {
  return text
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

const ARABIC_INDIC = /[\u0660-\u0669\u06f0-\u06f9]/g;

export function westernDigits(text: string): string {
  return text.replace(ARABIC_INDIC, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** A word as the command table stores it: lower case, straight apostrophes, no Arabic vowel marks or alef variants. */
export function normalizeWord(word: string): string {
  return normalizeArabic(westernDigits(word.normalize('NFC').toLowerCase().replace(/[’‘`]/g, "'")));
}

/** Removes bidi controls, a leading mention, and a leading "/ckex" or "ckex". */
export function stripPrefix(text: string): string {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u2060]/g, '')
    .replace(/\u2011/g, '-')
    .normalize('NFC')
    .trim()
    .replace(/^<@[^>]+>\s*/, '')
    .replace(/^\/?ckex\b[:,]?\s*/i, '')
    .trim();
}
