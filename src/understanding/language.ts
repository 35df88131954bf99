// Which language a message is clearly written in. Arabic script is Arabic; otherwise words that belong to
// French or English only are counted. One English word ("today") is not clear: a French participant who
// types a command word is still answered in French; two are ("what's on today").
import type { Lang } from '../core/lang.js';

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const FRENCH_LETTERS = /[éèêëàâçùûüôîïœÉÈÊÀÇÔÎ]/;
/** l'agenda, d'ici, qu'il: elisions only French writes. */
const FRENCH_ELISION = /(^|[\s(«"])(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})/iu;

/**
 * `raw` is the message as typed (accents and apostrophes tell French); `evidence` the languages each of its
 * words belongs to, from the lexicon.
 */
export function clearLanguage(raw: string, evidence: readonly Set<Lang>[]): Lang | undefined {
  if (ARABIC_SCRIPT.test(raw)) return 'ar';
  let fr = 0;
  let en = 0;
  for (const langs of evidence) {
    if (langs.has('fr') && !langs.has('en')) fr++;
    if (langs.has('en') && !langs.has('fr')) en++;
  }
  const accented = raw.split(/\s+/).filter((w) => FRENCH_LETTERS.test(w)).length;
  if (FRENCH_ELISION.test(raw)) fr++;
  fr += accented;
  if (fr > 0 && fr >= en) return 'fr';
  if (en >= 2 && en > fr) return 'en';
  return undefined;
}
