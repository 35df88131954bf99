// Which language a message is written in, and which language a platform locale names.
import { LANGS, type Lang } from '../content/schema.js';

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
const FRENCH_ACCENTS = /[éèêëàâçùûüôîïœÉÈÊÀÇÔÎ]/;
const FRENCH_WORDS = new Set([
  'le', 'la', 'les', 'des', 'du', 'de', 'un', 'une', 'et', 'pour', 'sur', 'avec', 'dans', 'quoi', 'quel', 'quelle',
  'aujourd', "aujourd'hui", 'demain', 'maintenant', 'prochaine', 'prochain', 'semaine', 'programme', 'séance',
  'ressources', 'langue', 'aide', 'paiements', 'numériques', 'numérique', 'sociale', 'emploi',
  'inscription', 'inscrire', 'moi', 'bonjour', 'merci', 'travail', 'genre', 'handicap', 'villes',
]);

/** The language a message shows evidence of: Arabic script, or French words. English is the default, not evidence. */
export function detectLanguage(text: string, extraFrench: Iterable<string> = []): Lang | undefined {
  if (ARABIC_SCRIPT.test(text)) return 'ar';
  if (FRENCH_ACCENTS.test(text)) return 'fr';
  const extra = new Set(extraFrench);
  const words = text.toLowerCase().replace(/’/g, "'").split(/[^\p{L}']+/u).filter(Boolean);
  if (words.some((w) => FRENCH_WORDS.has(w) || extra.has(w))) return 'fr';
  return undefined;
}

/** "fr-FR", "ar_EG", "en" → a language the bot speaks, if any. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === base);
}
