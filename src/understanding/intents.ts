// What the question asks for, from the intent words no other recogniser used ("next" in "next week" is the
// week's, not "what is next"). A language change counts only with a language named.
import type { Lang } from '../core/lang.js';
import type { Token } from './types.js';
import type { Intent } from '../core/reading.js';
import { meaning } from './tokens.js';

export function findIntents(tokens: Token[]): { intents: Intent[]; namedLang?: Lang } {
  const intents: Intent[] = [];
  let namedLang: Lang | undefined;
  for (const token of tokens) {
    namedLang ??= meaning(token, 'language')?.lang;
    for (const m of token.used ? [] : token.meanings) {
      if (m.kind === 'intent' && !intents.includes(m.intent)) intents.push(m.intent);
    }
  }
  const kept = intents.filter((i) => i !== 'lang' || namedLang !== undefined);
  if (namedLang && !kept.includes('lang')) {
    // "français ?" alone asks for the language as much as "in French" does.
    const named = tokens.filter((t) => meaning(t, 'language'));
    if (named.length === tokens.filter((t) => !t.stop).length) kept.push('lang');
  }
  return { intents: kept, ...(namedLang ? { namedLang } : {}) };
}
