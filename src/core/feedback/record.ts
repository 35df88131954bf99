// From validated answers to a stored feedback: one per person and session, a second replacing the first. Each
// comment keeps the language it is written in, as the question reader tells it, else the form's language.
import type { BotCore } from '../bot-core.js';
import type { Lang } from '../lang.js';
import type { Feedback, FeedbackComment } from '../store/feedback-record.js';

export interface FeedbackAnswers {
  rating: number;
  useful?: string;
  better?: string;
}

const comment = (core: BotCore, text: string | undefined, lang: Lang): FeedbackComment | undefined => (text && text.trim() !== '' ? { text: text.trim(), lang: core.reader.language(text) ?? lang } : undefined);

/** Saves over any earlier answer (the store keeps when it was first given); resolves once durable. */
export async function recordFeedback(core: BotCore, userId: string, sessionId: string, answers: FeedbackAnswers, lang: Lang, now: string): Promise<Feedback> {
  const useful = comment(core, answers.useful, lang);
  const better = comment(core, answers.better, lang);
  const feedback: Feedback = { sessionId, userId, rating: answers.rating, ...(useful ? { useful } : {}), ...(better ? { better } : {}), lang, createdAt: now, updatedAt: now };
  await core.store.saveFeedback(feedback);
  return feedback;
}
