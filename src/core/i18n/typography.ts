// Punctuation as a native editor sets it, applied to every translated string (interpolations included), so a new
// string or a user's words in « » come out right without anyone thinking of it.
// French (one convention, tested): a no-break space U+00A0 before : ; ? ! and inside « », and one apostrophe (’). Arabic: its own comma,
// semicolon and question mark after Arabic text.
import type { Lang } from '../lang.js';

const NBSP = '\u00a0';

export function frenchTypography(text: string): string {
  return text
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '’') // one apostrophe: the typographic one (typed ' still matches)
    .replace(/[ \u202f]+([:;?!])(?=\s|$|[»")\]*_])/gu, `${NBSP}$1`)
    .replace(/([\p{L}}\)»\ue001])([:;?!])(?=\s|$)/gu, `$1${NBSP}$2`)
    .replace(/«[ \u202f\u00a0]*/gu, `«${NBSP}`)
    .replace(/[ \u202f\u00a0]*»/gu, `${NBSP}»`);
}

export function arabicPunctuation(text: string): string {
  return text
    .replace(/(?<![A-Za-z]),(?=\s)/g, '،')
    .replace(/(?<=[\p{Script=Arabic}\s)»])\?/gu, '؟')
    .replace(/(?<=\p{Script=Arabic});/gu, '؛');
}

export function typography(text: string, lang: Lang): string {
  return lang === 'fr' ? frenchTypography(text) : lang === 'ar' ? arabicPunctuation(text) : text;
}
