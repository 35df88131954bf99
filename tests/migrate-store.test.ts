// npm run migrate-store -- --from DATA_DIR: a lowdb store copied into PostgreSQL whole, twice without doubling,
// never while a bot holds the folder, and an email another registration holds left out and reported.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FORM, type AsyncStore } from '../src/core/store/async-store.js';
import { LowdbStore } from '../src/store/lowdb/index.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import { migrateStore } from '../scripts/migrate-store.js';
import type { Registration } from '../src/core/store/records.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';

/** The command itself, in its own process (once: tsx takes seconds to start on two cores). */
function runCommand(dataDir: string, url: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join('scripts', 'migrate-store.ts'), '--from', dataDir], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const at = (minute: number) => new Date(Date.UTC(2021, 4, 3, 12, minute)).toISOString();

const registration = (id: string, email: string, userId: string): Registration => ({
  id,
  email,
  name: 'أمينة ديالو',
  organisation: 'Ministère des Affaires sociales',
  country: 'SN',
  role: 'policymaker',
  institution: 'ministry',
  region: 'AFW',
  interpretation: 'ar',
  consentAt: at(0),
  lang: 'ar',
  status: 'confirmed',
  invited: true,
  emailVerified: true,
  userIds: [userId],
  createdAt: at(0),
  updatedAt: at(1),
});

/** Whether a claimed post was sent, through the contract: a release gives back only a claim never sent (claimed again here). */
async function sent(store: AsyncStore, key: string): Promise<boolean> {
  await store.releasePost(key);
  return !(await store.claimPost(key));
}

/** What a store holds, read through the contract, for comparing two stores (feed tokens are read, never made). */
async function snapshot(store: AsyncStore, feedToken: string) {
  const pages: Registration[] = [];
  for await (const page of store.registrationPages()) pages.push(...page);
  return {
    users: [await store.user('U1'), await store.user('U2')],
    conversations: await store.conversationsOf('29:1'),
    registrations: pages,
    form: (await store.form('U2'))?.progress,
    invites: [await store.inviteCount(), await store.isInvited('amina@example.org')],
    subscriptions: await store.subscriptions(),
    posted: [await sent(store, 'digest::slack:C1::2021-05-03'), await sent(store, 'digest::slack:C1::2021-05-04')],
    stars: [await store.starsOf('U1'), await store.starsOf('U2')],
    starCounts: await store.starCounts(),
    feedOwner: await store.feedOwner(feedToken),
    questions: await store.questionsOf('w1-d2-a'),
    votes: [await store.votesBy('U1'), await store.votesBy('U2')],
    moderators: await store.moderatorsOf('w1-d2-a'),
    livePosts: await store.livePosts('w1-d2-a'),
  };
}

describe('npm run migrate-store', () => {
  let database: TestDatabase;
  let dataDir: string;
  let lowdb: Awaited<ReturnType<typeof snapshot>>;
  let token: string;

  beforeAll(async () => {
    database = await testDatabase();
    dataDir = tempDir();
    const store = await LowdbStore.open(dataDir, { personalPosts });
    await store.updateUser('U1', { lang: 'ar', tz: 'Africa/Cairo', remindMinutes: 0 });
    await store.updateUser('U2', { lang: 'fr', pending: { yes: 'register', at: at(2) }, remindMinutes: 45 });
    await store.saveConversation({ id: 'a:1', platform: 'teams', scope: 'personal', userId: '29:1', reference: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.trafficmanager.net/emea/' } });
    await store.saveRegistration(registration('RAAAA2', 'amina@example.org', 'U1'));
    await store.saveRegistration({ ...registration('RAAAA3', 'karim@example.org', 'U2'), status: 'pending', invited: false, emailVerified: undefined });
    await store.saveForm('U2', { answers: { name: 'Karim', country: 'EG' }, step: 2, review: false, editing: false, lang: 'fr', startedAt: at(3), updatedAt: at(4) }, NO_FORM);
    await store.addInvites(['amina@example.org', 'x@example.org'], 'U0');
    await store.saveSubscription({ id: 'slack:C1', platform: 'slack', channel: 'C1', lang: 'ar', time: '08:00', zone: 'Africa/Cairo', createdBy: 'U0', createdAt: at(0), lastPosted: '2021-05-03' });
    await store.claimPost('digest::slack:C1::2021-05-03');
    await store.markPosted('digest::slack:C1::2021-05-03');
    await store.claimPost('digest::slack:C1::2021-05-04'); // claimed, never sent
    await store.star('U1', 'w1-d2-a', at(6));
    await store.star('U1', 'w1-d1-a', at(7));
    await store.star('U2', 'w1-d1-a', at(5));
    token = await store.feedToken('U1');
    const question = (authorId: string, text: string, minute: number, anonymous = false) => ({ sessionId: 'w1-d2-a', authorId, anonymous, text, lang: 'fr' as const, status: 'open' as const, createdAt: at(minute) });
    await store.addQuestion(question('U1', 'Comment financer les rails ?', 8), 10);
    await store.addQuestion(question('U2', 'Who pays the fees?', 9, true), 10);
    await store.addQuestion(question('U2', 'A third one?', 10), 10);
    await store.setQuestionStatus('q3', ['open'], 'answered', at(11));
    await store.toggleVote('q1', 'U2', at(12));
    await store.toggleVote('q2', 'U1', at(13));
    await store.toggleVote('q1', 'U1', at(14));
    await store.setModerators('w1-d2-a', ['UMOD', '29:mod']);
    await store.saveLivePost({ sessionId: 'w1-d2-a', channel: 'slack:C1', lang: 'ar', zone: 'Africa/Cairo', ref: { ts: '1620131100.000100', channel: 'C1' }, postedAt: at(15) });
    lowdb = await snapshot(store, token);
    expect(lowdb.users.map((u) => u?.remindMinutes)).toEqual([0, 45]);
    expect(lowdb.feedOwner).toBe('U1');
    await store.close();
  }, 60_000);

  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  const copy = () => migrateStore(['--from', dataDir], { DATABASE_URL: database.url });

  it('copies every record, and copies again without doubling', async () => {
    const first = await runCommand(dataDir, database.url);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('copied 2 users, 1 conversations, 2 registrations, 1 forms, 2 invites, 1 subscriptions, 2 posts, 3 stars, 1 feeds, 0 nominations, 3 questions, 3 votes, 1 moderators, 1 live posts, 0 announcements\n');
    // Invitations already there are not new.
    expect(await copy()).toEqual(['copied 2 users, 1 conversations, 2 registrations, 1 forms, 0 invites, 1 subscriptions, 2 posts, 3 stars, 1 feeds, 0 nominations, 3 questions, 3 votes, 1 moderators, 1 live posts, 0 announcements']);
    const store = await PostgresStore.open(database.url, { personalPosts });
    try {
      expect(await snapshot(store, token)).toEqual(lowdb);
      expect(await store.registrationCounts()).toMatchObject({ total: 2 });
      // The calendar address a user already has keeps working, and is the one the bot goes on giving.
      expect(await store.feedToken('U1')).toBe(token);
      expect(await store.personalDataCounts()).toMatchObject({ stars: 3, feeds: 1 });
      // Questions keep their ids and votes; the next one asked in the database comes after them.
      expect((await store.questionsOf('w1-d2-a')).map((q) => [q.id, q.votes])).toEqual([['q1', 2], ['q2', 1], ['q3', 0]]);
      const next = await store.addQuestion({ sessionId: 'w1-d2-a', authorId: 'U3', anonymous: false, text: 'Next?', lang: 'en', status: 'open', createdAt: at(20) }, 10);
      expect(next !== 'limit' && next.id).toBe('q4');
      await store.pool.query('DELETE FROM live_questions WHERE id = 4');
      await copy(); // copied again: q4, given and erased, is never given again
      const after = await store.addQuestion({ sessionId: 'w1-d2-a', authorId: 'U3', anonymous: false, text: 'After?', lang: 'en', status: 'open', createdAt: at(21) }, 10);
      expect(after !== 'limit' && after.id).toBe('q5');
      await store.pool.query('DELETE FROM live_questions WHERE id = 5');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('leaves out a registration whose email another registration holds, and says so', async () => {
    const store = await PostgresStore.open(database.url, { personalPosts });
    try {
      await store.pool.query(`UPDATE registrations SET id = 'RZZZZ2' WHERE id = 'RAAAA3'`); // another instance took the email
      expect((await copy())[1]).toBe('left out 1 registrations whose email another registration holds in the database: RAAAA3');
      expect((await store.registrationByEmail('karim@example.org'))?.id).toBe('RZZZZ2');
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses while a bot holds the folder, and without its settings', async () => {
    const bot = await LowdbStore.open(dataDir, { personalPosts });
    try {
      await expect(copy()).rejects.toThrow('in use by another CKEx process');
    } finally {
      await bot.close();
    }
    await expect(migrateStore(['--from', dataDir], {})).rejects.toThrow('DATABASE_URL');
    await expect(migrateStore([], { DATABASE_URL: database.url })).rejects.toThrow('--from');
  }, 60_000);
});
