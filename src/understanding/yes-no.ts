// Yes or no, when that is all a message says ("yes", "yes please", « oui bien sûr », «نعم»): the answer to the
// bot's last question. Needs only the vocabulary, so the forms' validation can use it too.
import { Lexicon } from './lexicon.js';
import { wordsOf } from './normalize.js';
import type { Token } from './types.js';

let shared: Lexicon | undefined;

const answerOf = (t: Token): 'yes' | 'no' | undefined => {
  for (const m of t.meanings) if (m.kind === 'intent' && (m.intent === 'yes' || m.intent === 'no')) return m.intent;
  return undefined;
};
const isThanks = (t: Token) => t.meanings.some((m) => m.kind === 'intent' && m.intent === 'thanks');

export function readYesNo(text: string, lexicon: Lexicon = (shared ??= new Lexicon())): 'yes' | 'no' | undefined {
  const words = wordsOf(text.slice(0, 200));
  if (words.length === 0 || words.length > 8) return undefined;
  const { tokens } = lexicon.label(words);
  const said = tokens.filter((t) => answerOf(t) !== undefined || (!t.stop && !isThanks(t)));
  const answers = new Set(said.map(answerOf));
  if (answers.size !== 1) return undefined;
  return [...answers][0];
}
