// How long before a session a reminder should come: "15 minutes", "5 min", "ten minutes", « une heure »,
// «15 دقيقة», "half an hour", «ربع ساعة», or a bare number beside a reminder word ("remind me 15 before").
// Read only when the message asks about reminders, so "the 10 o'clock session" keeps its number.
import type { Token } from './types.js';
import { digitsOf, meaning, neighbours, numberOf, significant } from './tokens.js';

/** Minutes, the tokens used marked; undefined when the message gives no length of time. */
export function findMinutes(tokens: Token[], suffixes: readonly string[]): number | undefined {
  const sig = significant(tokens);
  for (const [k, i] of sig.entries()) {
    const token = tokens[i]!;
    const fixed = meaning(token, 'duration');
    if (fixed) {
      token.used = true;
      return fixed.minutes;
    }
    const unit = meaning(token, 'timeUnit');
    if (!unit) continue;
    const { before } = neighbours(tokens, sig, k);
    const count = digitsOf(before, suffixes)?.ordinal ? undefined : numberOf(before, suffixes);
    if (count !== undefined) {
      token.used = true;
      before!.used = true;
      return count * unit.minutes;
    }
    // "an hour before", «قبل ساعة»: one hour; a minutes word alone says no length.
    if (unit.minutes > 1) {
      token.used = true;
      return unit.minutes;
    }
  }
  // Any bare number, however large: "remind 2000" is a length too long, not a message with no length.
  for (const i of sig) {
    if (!tokens[i]!.used && /^\d{1,6}$/.test(tokens[i]!.text)) {
      tokens[i]!.used = true;
      return Number(tokens[i]!.text);
    }
  }
  return undefined;
}
