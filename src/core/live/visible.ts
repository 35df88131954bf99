// Which questions a reader sees: hidden ones never; waiting ones only their author and the moderators.
import type { Lang } from '../lang.js';
import type { LiveQuestion } from '../store/live-records.js';

export function visibleTo(questions: readonly LiveQuestion[], readerId: string | undefined, moderator: boolean): LiveQuestion[] {
  return questions.filter((q) => q.status === 'open' || q.status === 'answered' || (q.status === 'waiting' && (moderator || (readerId !== undefined && q.authorId === readerId))));
}

/** For the interpreters: the questions by the language they were written in, the reader's first, each by votes. */
export function byLanguage(questions: readonly LiveQuestion[], first: Lang): Array<{ lang: Lang; questions: LiveQuestion[] }> {
  const order: Lang[] = [first, ...(['en', 'fr', 'ar'] as const).filter((l) => l !== first)];
  return order.map((lang) => ({ lang, questions: questions.filter((q) => q.lang === lang) })).filter((g) => g.questions.length > 0);
}
