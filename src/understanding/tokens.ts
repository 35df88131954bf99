// Small helpers over a labelled message: which tokens count, what a token means, what a digit token is.
import type { Meaning, Token } from './types.js';

export type MeaningOf<K extends Meaning['kind']> = Extract<Meaning, { kind: K }>;

export function meaning<K extends Meaning['kind']>(token: Token | undefined, kind: K): MeaningOf<K> | undefined {
  if (!token || token.used) return undefined;
  return token.meanings.find((m): m is MeaningOf<K> => m.kind === kind);
}

/** Tokens that say something: words that mean something to the reader, or any word that is not a stop word. */
export function significant(tokens: readonly Token[]): number[] {
  // A word that only points back ("it", « la ») is no neighbour of a date or a week.
  return tokens.flatMap((t, i) => (t.meanings.some((m) => m.kind !== 'filler' && m.kind !== 'referent') || !t.stop ? [i] : []));
}

/** The significant tokens just before and after position `k` of `sig`. */
export function neighbours(tokens: readonly Token[], sig: readonly number[], k: number): { before?: Token; after?: Token } {
  const before = k > 0 ? tokens[sig[k - 1]!] : undefined;
  const after = k + 1 < sig.length ? tokens[sig[k + 1]!] : undefined;
  return { ...(before ? { before } : {}), ...(after ? { after } : {}) };
}

/** A bare number (12), or an ordinal written with digits (12th, 1er, 3e), given the languages' ordinal endings. */
export function digitsOf(token: Token | undefined, suffixes: readonly string[]): { value: number; ordinal: boolean } | undefined {
  if (!token || token.used) return undefined;
  const bare = /^(\d{1,3})$/.exec(token.text);
  if (bare) return { value: Number(bare[1]), ordinal: false };
  const suffixed = /^(\d{1,2})(\p{L}+)$/u.exec(token.text);
  if (suffixed && suffixes.includes(suffixed[2]!)) return { value: Number(suffixed[1]), ordinal: true };
  return undefined;
}

/** A number given as digits or as a word (two, deux, اثنين). */
export function numberOf(token: Token | undefined, suffixes: readonly string[]): number | undefined {
  return digitsOf(token, suffixes)?.value ?? meaning(token, 'number')?.value;
}

/** An ordinal given as a word (third, troisième, الثالث) or with digits (3rd, 3e). */
export function ordinalOf(token: Token | undefined, suffixes: readonly string[]): number | undefined {
  const digits = digitsOf(token, suffixes);
  if (digits?.ordinal) return digits.value;
  return meaning(token, 'ordinal')?.value;
}
