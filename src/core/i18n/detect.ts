// Which language a platform locale names. The language a message is written in is the question reader's to
// tell (src/understanding/language.ts): it knows the vocabulary of the three languages.
import { LANGS, type Lang } from '../lang.js';

/** "fr-FR", "ar_EG", "en" → a language the bot speaks, if any. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === base);
}
