// Session ids however they are typed: w2-d3-a, W2-D3-A, w2d3a, "w2 d3 a", and a partial w2-d3 (its sessions).
import type { Token } from './types.js';

const ID = /(?:^| )w ?-? ?(\d) ?-? ?d ?-? ?(\d)(?: ?-? ?([a-z])(?![a-z]))?/;

export interface IdsFound {
  id?: string;
  guesses?: string[];
}

export function findSessionId(tokens: Token[], known: readonly string[]): IdsFound {
  const text = tokens.map((t) => t.text).join(' ');
  const m = ID.exec(text);
  if (!m) return {};
  // Mark the tokens the id was written with, so they are not read as a subject.
  let at = 0;
  const start = m.index + (m[0].startsWith(' ') ? 1 : 0);
  const end = m.index + m[0].length;
  for (const t of tokens) {
    if (at + t.text.length > start && at < end) t.used = true;
    at += t.text.length + 1;
  }
  const prefix = `w${m[1]}-d${m[2]}-`;
  if (m[3]) return { id: `${prefix}${m[3]}` };
  return { guesses: known.filter((id) => id.startsWith(prefix)) };
}
