// The feedback part of the store contract, on the lowdb store and on PostgreSQL (two pools on one database): one
// answer per person and session, a second replacing the first (when it was first given kept), comments with their
// language, a session's audience (starred, asked, voted), prompts turned off, erased and purged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncStore } from '../src/core/store/async-store.js';
import { storeInstances, type Instances } from './helpers/store-instances.js';
import type { Feedback } from '../src/core/store/feedback-record.js';

const { stores } = storeInstances('feedback, feedback_off, stars, live_questions, live_votes, users');

const at = (minute: number) => new Date(Date.UTC(2021, 4, 4, 14, minute)).toISOString();

const feedback = (sessionId: string, userId: string, rating: number, more: Partial<Feedback> = {}): Feedback => ({ sessionId, userId, rating, lang: 'en', createdAt: at(0), updatedAt: at(0), ...more });

describe.each(stores)('store contract, feedback: %s', (_name, open) => {
  let a: AsyncStore;
  let b: AsyncStore;
  let instances: Instances;

  beforeEach(async () => {
    instances = await open();
    ({ a, b } = instances);
  });
  afterEach(() => instances.close());

  it('keeps one answer per person and session: a second replaces the first and keeps when it was first given', async () => {
    await a.saveFeedback(feedback('w1-d2-a', 'slack:T1:U1', 3, { useful: { text: 'Les exemples du Sénégal', lang: 'fr' }, lang: 'fr' }));
    await b.saveFeedback(feedback('w1-d2-a', 'slack:T1:U1', 5, { better: { text: 'أكثر وقتا للأسئلة', lang: 'ar' }, lang: 'fr', createdAt: at(9), updatedAt: at(9) }));
    expect(await a.feedbackFrom('slack:T1:U1', 'w1-d2-a')).toEqual({ sessionId: 'w1-d2-a', userId: 'slack:T1:U1', rating: 5, better: { text: 'أكثر وقتا للأسئلة', lang: 'ar' }, lang: 'fr', createdAt: at(0), updatedAt: at(9) });
    expect(await b.feedbackOn(['w1-d2-a'])).toHaveLength(1);
    expect(await a.feedbackFrom('slack:T1:U1', 'w1-d1-a')).toBeUndefined();
  });

  it('lists feedback by session then oldest first, and one person’s own, and ignores malformed ids', async () => {
    await a.saveFeedback(feedback('w1-d2-a', 'slack:T1:U2', 4, { createdAt: at(2), updatedAt: at(2) }));
    await b.saveFeedback(feedback('w1-d2-a', 'slack:T1:U1', 2, { createdAt: at(3), updatedAt: at(3) }));
    await a.saveFeedback(feedback('w1-d1-a', 'slack:T1:U1', 5, { createdAt: at(4), updatedAt: at(4) }));
    expect((await b.feedbackOn(['w1-d2-a', 'w1-d1-a', 'Not An Id'])).map((f) => `${f.sessionId} ${f.userId}`)).toEqual(['w1-d1-a slack:T1:U1', 'w1-d2-a slack:T1:U2', 'w1-d2-a slack:T1:U1']);
    expect((await a.allFeedback()).map((f) => f.rating)).toEqual([5, 4, 2]);
    expect((await b.feedbackBy('slack:T1:U1')).map((f) => f.sessionId)).toEqual(['w1-d2-a', 'w1-d1-a']);
    expect(await a.feedbackOn([])).toEqual([]);
  });

  it('refuses a rating outside 1–5 and a comment past 1000 characters, and keeps nothing of it', async () => {
    await expect(a.saveFeedback(feedback('w1-d2-a', 'slack:T1:U1', 6))).rejects.toThrow();
    await expect(a.saveFeedback(feedback('w1-d2-a', 'slack:T1:U1', 4, { useful: { text: 'x'.repeat(1001), lang: 'en' } }))).rejects.toThrow();
    expect(await b.feedbackOn(['w1-d2-a'])).toEqual([]);
  });

  it('finds a session’s audience: who starred it, asked in it by name, or voted in it, once each', async () => {
    await a.star('slack:T1:USTAR', 'w1-d2-a', at(0));
    await a.star('slack:T1:UOTHER', 'w1-d1-a', at(0));
    const q = await b.addQuestion({ sessionId: 'w1-d2-a', authorId: 'teams:29:asker', anonymous: false, text: 'How?', lang: 'fr', status: 'open', createdAt: at(1) }, 10);
    if (q === 'limit') throw new Error('limit');
    await a.toggleVote(q.id, 'slack:T1:UVOTE', at(2));
    await a.toggleVote(q.id, 'slack:T1:USTAR', at(2));
    expect(await b.sessionAudience('w1-d2-a')).toEqual(['slack:T1:USTAR', 'slack:T1:UVOTE', 'teams:29:asker']);
    expect(await a.sessionAudience('w9-d9-z')).toEqual([]);
  });

  it('turns prompts off and on again, once whatever instance is asked', async () => {
    await a.setFeedbackPrompts('slack:T1:U1', false, at(0));
    await b.setFeedbackPrompts('slack:T1:U1', false, at(1));
    expect(await b.feedbackPromptsOff(['slack:T1:U1', 'slack:T1:U2'])).toEqual(new Set(['slack:T1:U1']));
    await b.setFeedbackPrompts('slack:T1:U1', true, at(2));
    expect(await a.feedbackPromptsOff(['slack:T1:U1'])).toEqual(new Set());
    expect(await a.feedbackPromptsOff([])).toEqual(new Set());
  });

  it('erases one person’s feedback and setting with them, counts and purges the rest', async () => {
    await a.saveFeedback(feedback('w1-d2-a', 'slack:T1:U1', 4));
    await a.saveFeedback(feedback('w1-d2-a', 'slack:T1:U2', 2));
    await a.saveFeedback(feedback('w1-d1-a', 'slack:T1:U2', 3));
    await a.setFeedbackPrompts('slack:T1:U1', false, at(0));
    await b.eraseUser('slack:T1:U1');
    expect(await a.feedbackBy('slack:T1:U1')).toEqual([]);
    expect(await a.feedbackPromptsOff(['slack:T1:U1'])).toEqual(new Set());
    expect(await a.personalDataCounts()).toMatchObject({ feedback: 2 });
    expect(await b.purgePersonalData()).toMatchObject({ feedback: 2 });
    expect(await a.allFeedback()).toEqual([]);
  });
});
