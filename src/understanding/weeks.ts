// Weeks: "week 3", "the third week", « la troisième semaine », الأسبوع الثالث, this/next/last week (either side
// of the word, as each language puts it), the final week. A week's theme is found by the subject search.
import type { DateTime } from 'luxon';
import type { Token } from './types.js';
import { meaning, neighbours, numberOf, ordinalOf, significant } from './tokens.js';

export type WeekFound =
  | { kind: 'number'; number: number }
  | { kind: 'final' }
  /** The Monday of the week meant, for "this/next/last week"; `bare`: the week word alone ("the week of May 17"). */
  | { kind: 'relative'; monday: string; bare?: true };

export function findWeek(tokens: Token[], today: DateTime, suffixes: readonly string[]): WeekFound | undefined {
  const sig = significant(tokens);
  for (const [k, i] of sig.entries()) {
    const word = tokens[i]!;
    if (!meaning(word, 'weekWord')) continue;
    const { before, after } = neighbours(tokens, sig, k);
    const use = (other?: Token) => {
      word.used = true;
      if (other) other.used = true;
    };
    const number = numberOf(after, suffixes);
    if (number !== undefined) return use(after), { kind: 'number', number };
    const ordinal = ordinalOf(before, suffixes) ?? ordinalOf(after, suffixes);
    if (ordinal !== undefined) return use(ordinalOf(before, suffixes) !== undefined ? before : after), { kind: 'number', number: ordinal };
    // A word that is both "final" and "last" (« dernière ») means the final week before the week word and the
    // previous week after it: « la dernière semaine », « la semaine dernière ».
    if (meaning(before, 'final')) return use(before), { kind: 'final' };
    const modifierToken = meaning(before, 'modifier') ? before : meaning(after, 'modifier') ? after : undefined;
    if (!modifierToken && meaning(after, 'final')) return use(after), { kind: 'final' };
    // A week word alone is this week ("the theme of the week"); next to a word the reader does not know
    // (« semaine zéro », "building back better week") it names no week: the words say which.
    const unknown = (t: Token | undefined) => t !== undefined && !t.used && t.meanings.length === 0 && !t.stop;
    if (!modifierToken && (unknown(after) || unknown(before))) continue;
    const which = meaning(modifierToken, 'modifier')?.which ?? 'this';
    use(modifierToken);
    const monday = today.startOf('week').plus({ weeks: which === 'next' ? 1 : which === 'last' ? -1 : 0 });
    return { kind: 'relative', monday: monday.toISODate()!, ...(modifierToken ? {} : { bare: true as const }) };
  }
  return undefined;
}
