// The live sessions' part of the store contract (issue 24), on both stores: questions and their short ids, the
// open-question limit, one vote per person and question, status changes from a named status, moderators, live
// posts, and what `me delete` and the retention purge do to questions and votes. `a` and `b` are two instances.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeInstances, type Instances } from './helpers/store-instances.js';
import type { AsyncStore } from '../src/core/store/async-store.js';
import type { NewQuestion } from '../src/core/store/live-records.js';
import { LowdbStore } from '../src/store/lowdb/index.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';

const { stores, databaseUrl } = storeInstances('live_votes, live_questions, live_moderators, live_posts');

const at = (minute: number) => new Date(Date.UTC(2021, 4, 4, 14, minute)).toISOString();
const ask = (more: Partial<NewQuestion> = {}): NewQuestion => ({ sessionId: 'w1-d2-a', authorId: 'slack:T1:U1', anonymous: false, text: 'How do you target cash transfers?', lang: 'en', status: 'open', createdAt: at(0), ...more });

describe.each(stores)('live store contract: %s', (_name, open) => {
  let a: AsyncStore;
  let b: AsyncStore;
  let instances: Instances;

  beforeEach(async () => {
    instances = await open();
    ({ a, b } = instances);
  });
  afterEach(() => instances.close());

  it('gives each question the next short id and reads it back from either instance', async () => {
    const first = await a.addQuestion(ask(), 10);
    const second = await b.addQuestion(ask({ authorId: 'teams:29:x', text: 'Comment cibler ?', lang: 'fr', anonymous: true, createdAt: at(1) }), 10);
    expect(first).toEqual({ id: 'q1', sessionId: 'w1-d2-a', authorId: 'slack:T1:U1', anonymous: false, text: 'How do you target cash transfers?', lang: 'en', status: 'open', createdAt: at(0), updatedAt: at(0), votes: 0 });
    expect(second).toMatchObject({ id: 'q2', lang: 'fr', anonymous: true });
    expect(await b.question('q1')).toEqual(first);
    expect(await a.question('q99')).toBeUndefined();
    expect(await a.question('nonsense')).toBeUndefined();
    expect(await a.question('__proto__')).toBeUndefined();
  });

  it('refuses a question past the limit of open ones per person and session, counting racing asks once', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).addQuestion(ask({ text: `Question ${i}` }), 4)));
    expect(results.filter((r) => r === 'limit')).toHaveLength(2);
    // Another session, or one answered, does not count.
    expect(await a.addQuestion(ask({ sessionId: 'w1-d3-a' }), 4)).not.toBe('limit');
    const q = (await a.questionsOf('w1-d2-a'))[0]!;
    await a.setQuestionStatus(q.id, ['open'], 'answered', at(5));
    expect(await b.addQuestion(ask({ text: 'one more' }), 4)).not.toBe('limit');
  });

  it('refuses malformed questions before anything is stored', async () => {
    await expect(a.addQuestion(ask({ text: 'x'.repeat(501) }), 10)).rejects.toThrow();
    await expect(a.addQuestion(ask({ text: '' }), 10)).rejects.toThrow();
    await expect(a.addQuestion(ask({ sessionId: 'Not an id' }), 10)).rejects.toThrow();
    expect(await a.addQuestion(ask({ text: 'é'.repeat(500) }), 10)).not.toBe('limit');
    expect(await b.questionsOf('w1-d2-a')).toHaveLength(1);
  });

  it('counts one vote per person and question; pressed again it is taken back', async () => {
    const q = (await a.addQuestion(ask(), 10)) as { id: string };
    expect(await a.toggleVote(q.id, 'slack:T1:U2', at(1))).toEqual({ voted: true, votes: 1 });
    expect(await b.toggleVote(q.id, 'slack:T1:U3', at(2))).toEqual({ voted: true, votes: 2 });
    expect(await b.toggleVote(q.id, 'slack:T1:U2', at(3))).toEqual({ voted: false, votes: 1 });
    expect(await a.toggleVote('q404', 'slack:T1:U2', at(3))).toBeUndefined();
    expect(await a.question(q.id)).toMatchObject({ votes: 1 });
    expect(await a.votesBy('slack:T1:U3')).toEqual([{ questionId: q.id, at: at(2) }]);
  });

  it('counts many people voting on both instances at once exactly', async () => {
    const q = (await a.addQuestion(ask(), 10)) as { id: string };
    const voters = Array.from({ length: 60 }, (_, i) => `teams:29:u${i}`);
    await Promise.all(voters.map((v, i) => (i % 2 ? a : b).toggleVote(q.id, v, at(1))));
    // The same people pressing twice at once on both instances never make two votes.
    await Promise.all(voters.slice(0, 10).flatMap((v) => [a.toggleVote(q.id, v, at(2)), b.toggleVote(q.id, v, at(2))]));
    const votes = (await b.question(q.id))!.votes;
    expect(votes).toBeLessThanOrEqual(60);
    expect(votes).toBeGreaterThanOrEqual(50);
    const held = await Promise.all(voters.map(async (v) => (await a.votesBy(v)).length));
    expect(held.reduce((n, x) => n + x, 0)).toBe(votes);
    expect(held.every((n) => n <= 1)).toBe(true);
  });

  it('lists a session\'s questions by votes, then oldest first', async () => {
    const q1 = (await a.addQuestion(ask({ createdAt: at(1) }), 10)) as { id: string };
    const q2 = (await a.addQuestion(ask({ authorId: 'slack:T1:U2', createdAt: at(2) }), 10)) as { id: string };
    const q3 = (await a.addQuestion(ask({ authorId: 'slack:T1:U3', createdAt: at(3) }), 10)) as { id: string };
    await b.toggleVote(q3.id, 'x1', at(4));
    await b.toggleVote(q3.id, 'x2', at(4));
    await b.toggleVote(q2.id, 'x1', at(4));
    expect((await a.questionsOf('w1-d2-a')).map((q) => [q.id, q.votes])).toEqual([[q3.id, 2], [q2.id, 1], [q1.id, 0]]);
    expect(await a.questionsOf('w9-d9-z')).toEqual([]);
  });

  it('changes a status only from the one named: two moderators at once change it once', async () => {
    const q = (await a.addQuestion(ask({ status: 'waiting' }), 10)) as { id: string };
    const [one, two] = await Promise.all([a.setQuestionStatus(q.id, ['waiting'], 'open', at(1)), b.setQuestionStatus(q.id, ['waiting'], 'hidden', at(1))]);
    expect([one, two].filter(Boolean)).toHaveLength(1);
    expect(await a.setQuestionStatus(q.id, ['waiting'], 'open', at(2))).toBeUndefined();
    expect(await a.setQuestionStatus('q404', ['open'], 'answered', at(2))).toBeUndefined();
    const now = await b.setQuestionStatus(q.id, ['open', 'hidden'], 'answered', at(3));
    expect(now).toMatchObject({ status: 'answered', updatedAt: at(3) });
  });

  it('keeps the moderators of a session, and where its live posts are', async () => {
    await a.setModerators('w1-d2-a', ['U0MOD1', 'U0MOD2', 'U0MOD1']);
    expect(await b.moderatorsOf('w1-d2-a')).toEqual(['U0MOD1', 'U0MOD2']);
    await b.setModerators('w1-d2-a', []);
    expect(await a.moderatorsOf('w1-d2-a')).toEqual([]);
    await expect(a.setModerators('w1-d2-a', Array.from({ length: 51 }, (_, i) => `U${i}`))).rejects.toThrow();
    const post = { sessionId: 'w1-d2-a', channel: 'slack:C0123', lang: 'fr' as const, zone: 'Africa/Dakar', ref: { ts: '1.2' }, postedAt: at(0) };
    await a.saveLivePost(post);
    await b.saveLivePost({ ...post, channel: 'teams:19:abc@thread.tacv2', ref: { activityId: 'a1' } });
    await a.saveLivePost({ ...post, ref: { ts: '1.3' } });
    expect((await b.livePosts('w1-d2-a')).map((p) => [p.channel, p.ref])).toEqual([['slack:C0123', { ts: '1.3' }], ['teams:19:abc@thread.tacv2', { activityId: 'a1' }]]);
    expect(await b.livePosts('w1-d3-a')).toEqual([]);
  });

  it('erases a person: their votes, their signed questions; anonymous ones stay without author', async () => {
    const signed = (await a.addQuestion(ask(), 10)) as { id: string };
    const anonymous = (await a.addQuestion(ask({ anonymous: true, createdAt: at(1) }), 10)) as { id: string };
    const other = (await a.addQuestion(ask({ authorId: 'slack:T1:U2', createdAt: at(2) }), 10)) as { id: string };
    await a.toggleVote(other.id, 'slack:T1:U1', at(3));
    await a.toggleVote(anonymous.id, 'slack:T1:U2', at(3));
    expect((await b.questionsBy('slack:T1:U1')).map((q) => q.id)).toEqual([signed.id, anonymous.id]);
    await b.eraseUser('slack:T1:U1');
    expect(await a.question(signed.id)).toBeUndefined();
    const kept = await a.question(anonymous.id);
    expect(kept).toMatchObject({ anonymous: true, votes: 1 });
    expect(kept?.authorId).toBeUndefined();
    expect(await a.question(other.id)).toMatchObject({ votes: 0 });
    expect(await a.questionsBy('slack:T1:U1')).toEqual([]);
    expect(await a.votesBy('slack:T1:U1')).toEqual([]);
  });

  it('counts questions and votes as personal data, and the purge erases them', async () => {
    const q = (await a.addQuestion(ask(), 10)) as { id: string };
    await a.toggleVote(q.id, 'slack:T1:U2', at(1));
    expect(await b.personalDataCounts()).toMatchObject({ questions: 1, votes: 1 });
    expect(await b.purgePersonalData()).toMatchObject({ questions: 1, votes: 1 });
    expect(await a.personalDataCounts()).toMatchObject({ questions: 0, votes: 0 });
    expect(await a.questionsOf('w1-d2-a')).toEqual([]);
    // Ids are never given twice.
    expect(await a.addQuestion(ask(), 10)).toMatchObject({ id: 'q2' });
  });
});

describe('lowdb live store only', () => {
  it('keeps questions and votes across a reopen of the file', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir, { personalPosts });
    const q = (await store.addQuestion(ask(), 10)) as { id: string };
    await store.toggleVote(q.id, 'slack:T1:U2', at(1));
    await store.close();
    const again = await LowdbStore.open(dir, { personalPosts });
    expect(await again.question(q.id)).toMatchObject({ votes: 1 });
    expect(await again.addQuestion(ask({ createdAt: at(2) }), 10)).toMatchObject({ id: 'q2' });
    await again.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('PostgreSQL live store only', () => {
  it('counts 1,000 people voting on two instances at once exactly, each pressing once', async () => {
    const [a, b] = await Promise.all([PostgresStore.open(databaseUrl(), { personalPosts, maxConnections: 8 }), PostgresStore.open(databaseUrl(), { personalPosts, maxConnections: 8 })]);
    try {
      await a.pool.query('TRUNCATE live_votes, live_questions RESTART IDENTITY');
      const q = (await a.addQuestion(ask(), 10)) as { id: string };
      const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => (i % 2 ? a : b).toggleVote(q.id, `slack:T1:U${i}`, at(1))));
      expect(results.every((r) => r?.voted)).toBe(true);
      expect((await b.question(q.id))?.votes).toBe(1000);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);
});
