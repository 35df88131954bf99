// The separators code puts between pieces, per language: a label and its value, items of a run-in list.
// French sets a non-breaking space before a colon (the convention the locales follow, tested); Arabic uses its comma.
import type { Lang } from '../lang.js';

export interface Punctuation {
  /** Between a label and its value: "When: …", « Quand : … ». */
  colon: string;
  /** Between a date and a time, or items written inline. */
  comma: string;
}

export const PUNCTUATION: Record<Lang, Punctuation> = {
  en: { colon: ': ', comma: ', ' },
  fr: { colon: '\u00a0: ', comma: ', ' },
  ar: { colon: ': ', comma: '، ' },
};
