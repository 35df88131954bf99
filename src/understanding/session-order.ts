// "The last session of the event", "the first session of week 2", « la dernière séance », «آخر جلسة», «الجلسة
// الختامية»: a session word beside an ordinal or a word for the last. An ordinal that belongs to a week or day word
// ("the sessions of the final week", "sessions on the third day") is theirs, not the session's.
import type { Token } from './types.js';
import { meaning, neighbours, ordinalOf, significant } from './tokens.js';

const isSessionWord = (t: Token) => !t.used && t.meanings.some((m) => m.kind === 'intent' && m.intent === 'sessions');
const isLast = (t: Token | undefined) => meaning(t, 'final') !== undefined || meaning(t, 'modifier')?.which === 'last';
const isWeekOrDay = (t: Token | undefined) => meaning(t, 'weekWord') !== undefined || meaning(t, 'dayWord') !== undefined;

export function findSessionOrder(tokens: Token[], suffixes: readonly string[]): number | 'last' | undefined {
  const sig = significant(tokens);
  for (const [k, i] of sig.entries()) {
    const word = tokens[i]!;
    if (!isSessionWord(word)) continue;
    const { before, after } = neighbours(tokens, sig, k);
    const beyond = neighbours(tokens, sig, k + 1).after;
    for (const [other, next] of [[before, undefined], [after, beyond]] as const) {
      if (!other || isWeekOrDay(next)) continue;
      const n = ordinalOf(other, suffixes);
      const order = n ?? (isLast(other) ? 'last' : undefined);
      if (order === undefined) continue;
      word.used = true;
      other.used = true;
      return order;
    }
  }
  return undefined;
}
