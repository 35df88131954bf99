// A question for a session's panel, or a vote, in the asker's own words: "I have a question for the digital payments
// session: …", « j’ai une question pour la séance sur … : … », «لدي سؤال لجلسة …: …»; "vote for q3", « je vote pour
// q3 », «أصوت لصالح q3». The rule, in every language: the reader finds the intent; a question is what follows the
// first colon, its session is the one the words before it name (or, naming none, the one taking questions now);
// a vote needs exactly one question id in the message.
import { normalizeWord } from '../../core/i18n/normalize.js';
import type { Understanding } from '../../core/reading.js';
import { ANONYMOUS_WORDS } from './words.js';

/** q3 as a word of its own, whatever the script around it. */
const QUESTION_IDS = /(?<![\p{L}\p{N}])q[1-9]\d{0,8}(?![\p{L}\p{N}])/giu;
/** The colon that ends the words about the question and starts the question (ASCII, full-width). */
const COLON = /[:：]/;

/** The one question id a message names ("vote for q3", «صوّت للسؤال q3»), or undefined for none or several. */
export function questionIdIn(text: string): string | undefined {
  const ids = new Set([...text.matchAll(QUESTION_IDS)].map((m) => m[0].toLowerCase()));
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** Finds the session named by words, as the reader understood them. */
export type SessionNamed = (u: Understanding) => string | undefined;

/** The command line this message stands for (`ask <session> <question>`, `vote q3`), or undefined. */
export function liveCommandOf(text: string, u: Understanding, read: (text: string) => Understanding, named: SessionNamed): string | undefined {
  const id = u.intents.includes('vote') ? questionIdIn(text) : undefined;
  if (id) return `vote ${id}`;
  if (!u.intents.includes('askPanel')) return undefined;
  const colon = COLON.exec(text);
  if (!colon) return undefined;
  const head = text.slice(0, colon.index);
  const question = text.slice(colon.index + 1).trim();
  if (question === '') return undefined;
  const about = read(head);
  const anonymous = head.split(/\s+/).some((w) => ANONYMOUS_WORDS.has(normalizeWord(w)));
  const session = named(about);
  // Words naming something that is no session ("a question for the organisers: …") are not a question to a panel.
  if (!session && about.subject !== '') return undefined;
  return ['ask', ...(session ? [session] : []), ...(anonymous ? ['anonymously'] : []), question].join(' ');
}
