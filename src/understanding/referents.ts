// What points back at what the bot last showed: "it", "that one", "the second one", « celle-ci », «هذه الجلسة»,
// a verb with a pronoun ending (أضفها); and what moves from it: "the next day", « la veille », «وبعده». The reader
// only finds the words; what they point at is the conversation's (src/commands/follow-up.ts).
import type { Token } from './types.js';
import { meaning, ordinalOf } from './tokens.js';

export interface ReferentFound {
  referent?: { nth?: number | 'last' };
  shift?: number;
}

const isLast = (t: Token | undefined) => meaning(t, 'final') !== undefined || meaning(t, 'modifier')?.which === 'last';

export function findReferent(tokens: Token[], suffixes: readonly string[]): ReferentFound {
  const found: ReferentFound = {};
  for (const [i, token] of tokens.entries()) {
    const shift = meaning(token, 'shift');
    if (shift && found.shift === undefined) {
      found.shift = shift.days;
      token.used = true;
      continue;
    }
    // An ordinal no day, week or session took ("la deuxième", «الأولى»): the nth of those shown.
    const alone = ordinalOf(token, suffixes);
    if (alone !== undefined && !meaning(tokens[i + 1], 'referent')) {
      token.used = true;
      found.referent = { nth: alone };
      continue;
    }
    if (!meaning(token, 'referent')) continue;
    // "the second one", "the last one": the word just before says which of those shown.
    const before = tokens[i - 1];
    const nth = ordinalOf(before, suffixes) ?? (isLast(before) ? 'last' : undefined);
    if (nth !== undefined) {
      before!.used = true;
      found.referent = { nth };
    } else found.referent ??= {};
    // A verb with a pronoun ending keeps its meaning as a verb.
    if (token.meanings.every((m) => m.kind === 'referent' || m.kind === 'number')) token.used = true;
  }
  return found;
}
