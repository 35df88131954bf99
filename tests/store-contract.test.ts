// One contract, every store: the same tests run on the lowdb store and on PostgreSQL. `a` and `b` are two
// instances: two pools on one database for PostgreSQL; for lowdb, which one process holds, the same store twice,
// raced through the event loop.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NO_FORM, type AsyncStore } from '../src/core/store/async-store.js';
import { StoreRejectedError, TooManyStarsError } from '../src/core/store/errors.js';
import { FEED_TOKEN } from '../src/core/store/feed-token.js';
import type { PersonalPosts } from '../src/core/store/personal-posts.js';
import { LowdbStore, STORE_FILE } from '../src/store/lowdb/index.js';
import { migrate, PostgresStore, readMigrations } from '../src/store/postgres/index.js';
import { MAX_STARS_PER_USER } from '../src/store/record-limits.js';
import type { FormProgress, Registration, Subscription } from '../src/core/store/records.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';

interface Instances {
  a: AsyncStore;
  b: AsyncStore;
  close(): Promise<void>;
}

let database: TestDatabase;
let postgres: { a: PostgresStore; b: PostgresStore } | undefined;

beforeAll(async () => {
  database = await testDatabase();
}, 60_000);

afterAll(async () => {
  await postgres?.a.close();
  await postgres?.b.close();
  await database?.drop();
});

const TABLES = 'users, conversations, registrations, forms, form_answers, invites, subscriptions, posts, seen, downloads, stars, feeds, settings, live_votes, live_questions, live_moderators, live_posts';

/** Two instances on the file's database, opened together: both migrate at once, under the advisory lock. */
async function postgresInstances(): Promise<{ a: PostgresStore; b: PostgresStore }> {
  if (!postgres) {
    const [a, b] = await Promise.all([PostgresStore.open(database.url, { personalPosts }), PostgresStore.open(database.url, { personalPosts })]);
    postgres = { a, b };
  }
  return postgres;
}

/** Opened with the bot's rule of which post keys name a person, or with another one. */
const stores: [string, (personal?: PersonalPosts) => Promise<Instances>][] = [
  [
    'lowdb',
    async (personal = personalPosts) => {
      const dir = tempDir();
      const store = await LowdbStore.open(dir, { personalPosts: personal });
      const close = async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      };
      return { a: store, b: store, close };
    },
  ],
  [
    'postgres',
    async (personal) => {
      if (personal) {
        const instance = () => PostgresStore.open(database.url, { personalPosts: personal, maxConnections: 2 });
        const [a, b] = await Promise.all([instance(), instance()]);
        await a.pool.query(`TRUNCATE ${TABLES}`);
        return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) };
      }
      // Kept for the whole file, emptied before each test.
      const instances = await postgresInstances();
      await instances.a.pool.query(`TRUNCATE ${TABLES}`);
      return { ...instances, close: async () => undefined };
    },
  ],
];

const at = (minute: number) => new Date(Date.UTC(2021, 4, 3, 12, minute)).toISOString();

function registration(id: string, email: string, more: Partial<Registration> = {}): Registration {
  return {
    id,
    email,
    name: 'Amina Diallo',
    organisation: 'Ministry of Social Affairs',
    country: 'SN',
    role: 'policymaker',
    institution: 'ministry',
    region: 'AFW',
    interpretation: 'fr',
    consentAt: at(0),
    lang: 'fr',
    status: 'pending',
    invited: false,
    userIds: ['U1'],
    createdAt: at(0),
    updatedAt: at(0),
    ...more,
  };
}

function progress(step: number, answers: Record<string, string> = {}, updatedAt = at(step)): FormProgress {
  return { answers, step, review: false, editing: false, lang: 'en', startedAt: at(0), updatedAt };
}

const subscription = (id: string, more: Partial<Subscription> = {}): Subscription => ({
  id,
  platform: 'slack',
  channel: 'C0123ABCD',
  lang: 'ar',
  time: '08:30',
  zone: 'Africa/Cairo',
  createdBy: 'U1',
  createdAt: at(0),
  ...more,
});

describe.each(stores)('store contract: %s', (_name, open) => {
  let a: AsyncStore;
  let b: AsyncStore;
  let instances: Instances;

  beforeEach(async () => {
    instances = await open();
    ({ a, b } = instances);
  });
  afterEach(() => instances.close());

  describe('users', () => {
    it('merges patches, removes a field given as undefined, and is shared', async () => {
      expect(await a.user('U1')).toBeUndefined();
      await a.updateUser('U1', { lang: 'ar', tz: 'Africa/Cairo' });
      await b.updateUser('U1', { pending: { yes: 'register', no: 'help', at: at(1) } });
      expect(await b.user('U1')).toMatchObject({ lang: 'ar', tz: 'Africa/Cairo', pending: { yes: 'register', no: 'help', at: at(1) } });
      await a.updateUser('U1', { pending: undefined, lastLang: 'fr' });
      const user = await b.user('U1');
      expect(user).toMatchObject({ lang: 'ar', tz: 'Africa/Cairo', lastLang: 'fr' });
      expect(user?.pending).toBeUndefined();
      expect(Date.parse(user!.updatedAt)).not.toBeNaN();
    });

    it('refuses a value the schema refuses', async () => {
      await expect(a.updateUser('U1', { lang: 'de' as 'en' })).rejects.toThrow();
      expect(await a.user('U1')).toBeUndefined();
    });

    it('keeps a reminder preference (0: off) beside the others, and removes it when given as undefined', async () => {
      await a.updateUser('U1', { lang: 'fr', remindMinutes: 15 });
      expect(await b.user('U1')).toMatchObject({ lang: 'fr', remindMinutes: 15 });
      await b.updateUser('U1', { tz: 'Europe/Paris' }); // another preference leaves it be
      expect((await a.user('U1'))?.remindMinutes).toBe(15);
      await a.updateUser('U1', { remindMinutes: 0 });
      expect((await b.user('U1'))?.remindMinutes).toBe(0);
      await b.updateUser('U1', { remindMinutes: 1440 });
      expect((await a.user('U1'))?.remindMinutes).toBe(1440);
      await a.updateUser('U1', { remindMinutes: undefined });
      const user = await b.user('U1');
      expect(user).toMatchObject({ lang: 'fr', tz: 'Europe/Paris' });
      expect(user).not.toHaveProperty('remindMinutes');
      for (const bad of [-1, 1441, 2.5]) await expect(a.updateUser('U1', { remindMinutes: bad })).rejects.toThrow();
      expect((await b.user('U1'))?.remindMinutes).toBeUndefined();
    });

    it('keeps what was last shown, read by the other instance, replaced whole, other preferences left be', async () => {
      const shown = { conversation: 'slack:D1', at: at(1), sessions: ['w2-d2-b', 'w2-d2-a'], day: '2021-05-11' };
      await a.updateUser('U1', { lang: 'fr', pending: { yes: 'me delete confirm', at: at(1) } });
      await a.updateUser('U1', { shown });
      expect(await b.user('U1')).toMatchObject({ lang: 'fr', pending: { yes: 'me delete confirm' }, shown });
      await b.updateUser('U1', { shown: { conversation: 'direct', at: at(2), sessions: [], week: 3 } });
      expect((await a.user('U1'))?.shown).toEqual({ conversation: 'direct', at: at(2), sessions: [], week: 3 });
      await a.updateUser('U1', { lastLang: 'ar' });
      expect((await b.user('U1'))?.shown?.week).toBe(3);
      await expect(a.updateUser('U1', { shown: { conversation: 'direct', at: at(3), sessions: Array.from({ length: 21 }, () => 'w1-d1-a') } })).rejects.toThrow();
      await b.updateUser('U1', { shown: undefined });
      expect(await a.user('U1')).not.toHaveProperty('shown');
    });
  });

  describe('stars and calendar tokens', () => {
    it('stars a session once: starring again changes nothing, unstarring says whether it was starred', async () => {
      expect(await a.star('U1', 'w1-d1-a', at(1))).toBe(true);
      expect(await b.star('U1', 'w1-d1-a', at(5))).toBe(false);
      expect(await b.starsOf('U1')).toEqual([{ sessionId: 'w1-d1-a', at: at(1) }]); // the first instant stays
      expect(await b.unstar('U1', 'w1-d1-a')).toBe(true);
      expect(await a.unstar('U1', 'w1-d1-a')).toBe(false);
      expect(await a.unstar('U1', 'never-starred')).toBe(false);
      expect(await a.unstar('U1', 'Not An Id')).toBe(false);
      expect(await a.starsOf('U1')).toEqual([]);
      expect(await a.star('U1', 'w1-d1-a', at(9))).toBe(true); // starred again, as new
      expect(await b.starsOf('U1')).toEqual([{ sessionId: 'w1-d1-a', at: at(9) }]);
    });

    it('lists a user’s stars oldest first (one instant: by session id), each instant as toISOString gives it', async () => {
      await a.star('U1', 'w2-d1-b', at(30));
      await a.star('U1', 'w1-d3-a', '2021-05-03T14:10:00+02:00'); // 12:10 UTC
      await b.star('U1', 'w3-d2-a', at(20));
      await b.star('U1', 'w1-d1-a', at(20));
      await a.star('U2', 'w1-d1-a', at(0));
      expect(await b.starsOf('U1')).toEqual([
        { sessionId: 'w1-d3-a', at: at(10) },
        { sessionId: 'w1-d1-a', at: at(20) },
        { sessionId: 'w3-d2-a', at: at(20) },
        { sessionId: 'w2-d1-b', at: at(30) },
      ]);
      expect(await a.starsOf('U9')).toEqual([]);
    });

    it('refuses a malformed session id, user id or instant, and stores nothing', async () => {
      for (const sessionId of ['', 'W1-D1-A', '-w1', 'w1 d1', 'w1/../x', 'x'.repeat(81)]) await expect(a.star('U1', sessionId, at(1))).rejects.toThrow();
      await expect(a.star('U1', 'w1-d1-a', 'yesterday')).rejects.toThrow();
      await expect(a.star('', 'w1-d1-a', at(1))).rejects.toThrow();
      await expect(a.star('U'.repeat(1000), 'w1-d1-a', at(1))).rejects.toBeInstanceOf(StoreRejectedError);
      expect(await a.star('U1', 'x'.repeat(80), at(1))).toBe(true);
      expect(await b.starCounts()).toEqual({ ['x'.repeat(80)]: 1 });
    });

    it('finds who starred any of some sessions, by session id then user id', async () => {
      await a.star('U2', 'w1-d1-b', at(1));
      await a.star('U1', 'w1-d1-b', at(2));
      await b.star('U3', 'w1-d1-a', at(3));
      await b.star('U1', 'w1-d1-a', at(4));
      await a.star('U1', 'w4-d1-a', at(5));
      expect(await b.starrersOf(['w1-d1-b', 'w1-d1-a', 'w2-d2-a', 'NOT VALID'])).toEqual([
        { userId: 'U1', sessionId: 'w1-d1-a' },
        { userId: 'U3', sessionId: 'w1-d1-a' },
        { userId: 'U1', sessionId: 'w1-d1-b' },
        { userId: 'U2', sessionId: 'w1-d1-b' },
      ]);
      expect(await a.starrersOf(['w4-d1-a', 'w4-d1-a'])).toEqual([{ userId: 'U1', sessionId: 'w4-d1-a' }]);
      expect(await a.starrersOf([])).toEqual([]);
    });

    it('counts each session’s starrers', async () => {
      expect(await a.starCounts()).toEqual({});
      await a.star('U1', 'w1-d1-a', at(1));
      await b.star('U2', 'w1-d1-a', at(2));
      await a.star('U2', 'w2-d1-a', at(3));
      await b.star('U2', 'w2-d1-a', at(4)); // once per user
      expect(await b.starCounts()).toEqual({ 'w1-d1-a': 2, 'w2-d1-a': 1 });
      await a.unstar('U2', 'w2-d1-a');
      expect(await b.starCounts()).toEqual({ 'w1-d1-a': 2 });
    });

    it(`keeps at most ${MAX_STARS_PER_USER} stars per user: one more is refused with TooManyStarsError`, async () => {
      const ids = Array.from({ length: MAX_STARS_PER_USER }, (_, i) => `s-${i}`);
      expect(await Promise.all(ids.map((id, i) => (i % 2 ? a : b).star('U1', id, at(1))))).toEqual(ids.map(() => true));
      await expect(a.star('U1', 'one-more', at(2))).rejects.toBeInstanceOf(TooManyStarsError);
      expect(await b.star('U1', 's-0', at(2))).toBe(false); // already starred: no error at the limit
      expect(await b.star('U2', 'one-more', at(2))).toBe(true); // another user's own limit
      expect(await a.starsOf('U1')).toHaveLength(MAX_STARS_PER_USER);
      expect(await a.unstar('U1', 's-7')).toBe(true);
      expect(await a.star('U1', 'one-more', at(3))).toBe(true);
      await expect(b.star('U1', 'two-more', at(3))).rejects.toThrow(`at most ${MAX_STARS_PER_USER}`);
    });

    it('makes one calendar token per user, stable, and knows whose it is', async () => {
      const token = await a.feedToken('U1');
      expect(token).toMatch(FEED_TOKEN);
      expect(await b.feedToken('U1')).toBe(token);
      const other = await b.feedToken('U2');
      expect(other).not.toBe(token);
      expect(await a.feedOwner(token)).toBe('U1');
      expect(await b.feedOwner(other)).toBe('U2');
      expect(await a.feedOwner(token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBeUndefined();
      for (const bad of ['', 'short', `${token}x`, `${token.slice(0, 31)}!`, '../../etc/passwd']) expect(await a.feedOwner(bad)).toBeUndefined();
    });
  });

  describe('conversations', () => {
    const reference = { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.trafficmanager.net/emea/', user: { id: '29:1', aadObjectId: 'x' } };

    it('finds one user\'s conversations without reading the others', async () => {
      await a.saveConversation({ id: 'a:p1', platform: 'teams', scope: 'personal', userId: 'teams:29:u1', reference: { conversation: { id: 'a:p1' } } });
      await a.saveConversation({ id: 'a:p2', platform: 'teams', scope: 'personal', userId: 'teams:29:u2', reference: { conversation: { id: 'a:p2' } } });
      await a.saveConversation({ id: '19:c', platform: 'teams', scope: 'channel', reference: { conversation: { id: '19:c' } } });
      expect((await b.conversationsOf('teams:29:u1')).map((c) => c.id)).toEqual(['a:p1']);
      expect(await b.conversationsOf('teams:29:nobody')).toEqual([]);
    });

    it('saves, reads and drops references whole', async () => {
      await a.saveConversation({ id: 'a:1', platform: 'teams', scope: 'personal', userId: '29:1', reference });
      await a.saveConversation({ id: 'c:2', platform: 'teams', scope: 'channel', reference: { conversation: { id: 'c:2' } } });
      expect(await b.conversation('a:1')).toMatchObject({ id: 'a:1', platform: 'teams', scope: 'personal', userId: '29:1', reference });
      expect(await b.conversation('c:2')).toMatchObject({ id: 'c:2', scope: 'channel', reference: { conversation: { id: 'c:2' } } });
      await b.dropConversation('a:1');
      expect(await a.conversation('a:1')).toBeUndefined();
      await a.dropConversation('nothing');
    });

    it('refuses a reference too large, and only that write fails', async () => {
      const huge = { blob: 'x'.repeat(10_000) };
      await expect(a.saveConversation({ id: 'big', platform: 'teams', scope: 'channel', reference: huge })).rejects.toBeInstanceOf(StoreRejectedError);
      await a.saveConversation({ id: 'ok', platform: 'teams', scope: 'channel', reference });
      expect(await a.conversation('big')).toBeUndefined();
      expect(await a.conversation('ok')).toBeDefined();
    });
  });

  describe('registrations', () => {
    it('saves over what was read only: a registration decided meanwhile, or made meanwhile, is "moved"', async () => {
      const r = registration('RMOVE2', 'moved@example.org', { status: 'pending', updatedAt: at(1) });
      expect((await a.saveRegistration(r, 'new')).outcome).toBe('saved');
      expect(await b.saveRegistration({ ...r, name: 'Other' }, 'new')).toMatchObject({ outcome: 'moved', registration: { id: 'RMOVE2', name: r.name } });
      // An organiser approves on another instance between the participant's read and their save.
      const approved = await b.setRegistrationStatus('RMOVE2', 'pending', 'confirmed', at(2));
      const stale = await a.saveRegistration({ ...r, name: 'Edited', updatedAt: at(3) }, { updatedAt: r.updatedAt });
      expect(stale).toMatchObject({ outcome: 'moved', registration: { status: 'confirmed' } });
      expect((await a.registration('RMOVE2'))?.status).toBe('confirmed');
      const fresh = await a.saveRegistration({ ...approved!, name: 'Edited', updatedAt: at(3) }, { updatedAt: approved!.updatedAt });
      expect(fresh).toMatchObject({ outcome: 'saved', registration: { name: 'Edited', status: 'confirmed' } });
    });

    it('finds a registration by id, by email and by user, whatever the case', async () => {
      const r = registration('RAB234', 'amina@example.org', { nominatedBy: 'AFW focal point', emailVerified: true });
      expect(await a.saveRegistration(r)).toEqual({ outcome: 'saved', registration: r });
      expect(await b.registration('rab234')).toEqual(r);
      expect(await b.registrationByEmail('Amina@Example.org')).toEqual(r);
      expect(await b.registrationByEmail('nobody@example.org')).toBeUndefined();
      expect(await b.registration('RZZZZZ')).toBeUndefined();
    });

    it('lists a user’s registrations newest first', async () => {
      await a.saveRegistration(registration('RAAAA2', 'one@example.org', { userIds: ['U1'], updatedAt: at(1) }));
      await a.saveRegistration(registration('RAAAA3', 'two@example.org', { userIds: ['U2', 'U1'], updatedAt: at(5) }));
      await a.saveRegistration(registration('RAAAA4', 'three@example.org', { userIds: ['U2'], updatedAt: at(3) }));
      expect((await b.registrationsOf('U1')).map((r) => r.id)).toEqual(['RAAAA3', 'RAAAA2']);
      expect((await b.registrationsOf('U2')).map((r) => r.id)).toEqual(['RAAAA3', 'RAAAA4']);
      expect(await b.registrationsOf('U9')).toEqual([]);
    });

    it('updates by id, and refuses an email another registration holds', async () => {
      const first = registration('RAAAA2', 'amina@example.org');
      await a.saveRegistration(first);
      const updated = { ...first, name: 'Amina D.', updatedAt: at(2) };
      expect(await b.saveRegistration(updated)).toEqual({ outcome: 'saved', registration: updated });
      const other = await b.saveRegistration(registration('RAAAA3', 'AMINA@example.org', { userIds: ['U2'] }));
      expect(other).toEqual({ outcome: 'taken', registration: updated });
      expect((await a.registrationCounts()).total).toBe(1);
    });

    it.each([
      ['A@x.org', 'a@x.org'],
      ['a@x.org', 'A@x.org'],
    ])('holds an email whatever its case: %s registered, %s by another id is taken, and either finds it', async (first, second) => {
      const held = registration('RAAAA2', first);
      expect((await a.saveRegistration(held)).outcome).toBe('saved');
      expect(await b.saveRegistration(registration('RAAAA3', second, { userIds: ['U2'] }))).toEqual({ outcome: 'taken', registration: held });
      expect(await b.registrationByEmail(first)).toEqual(held);
      expect(await b.registrationByEmail(second)).toEqual(held);
      expect((await a.registrationCounts()).total).toBe(1);
    });

    it('frees the email a registration changed, whatever its case', async () => {
      const first = registration('RAAAA2', 'Old@x.org');
      await a.saveRegistration(first);
      const moved = { ...first, email: 'new@x.org', updatedAt: at(2) };
      expect((await b.saveRegistration(moved)).outcome).toBe('saved');
      expect(await a.registrationByEmail('old@x.org')).toBeUndefined();
      expect(await a.registrationByEmail('NEW@x.org')).toEqual(moved);
      expect((await b.saveRegistration(registration('RAAAA3', 'old@X.org', { userIds: ['U2'] }))).outcome).toBe('saved');
      expect((await a.saveRegistration(registration('RAAAA4', 'New@X.org', { userIds: ['U3'] }))).outcome).toBe('taken');
    });

    it('refuses a registration the schema refuses', async () => {
      await expect(a.saveRegistration({ ...registration('RAAAA2', 'a@example.org'), role: 'astronaut' as 'other' })).rejects.toThrow();
      await expect(a.saveRegistration({ ...registration('nope', 'a@example.org') })).rejects.toThrow();
      expect(await a.registration('RAAAA2')).toBeUndefined();
    });

    it('changes a status only from the status named, and marks an invitation', async () => {
      await a.saveRegistration(registration('RAAAA2', 'amina@example.org'));
      const approved = await a.setRegistrationStatus('raaaa2', 'pending', 'confirmed', at(9), { invited: true });
      expect(approved).toMatchObject({ id: 'RAAAA2', status: 'confirmed', invited: true, updatedAt: at(9) });
      expect(await b.setRegistrationStatus('RAAAA2', 'pending', 'declined', at(10))).toBeUndefined();
      expect(await b.registration('RAAAA2')).toEqual(approved);
      expect(await b.setRegistrationStatus('RNONE2', 'pending', 'confirmed', at(10))).toBeUndefined();
    });

    it('counts by status, region, country and interpretation', async () => {
      await a.saveRegistration(registration('RAAAA2', 'a@example.org'));
      await a.saveRegistration(registration('RAAAA3', 'b@example.org', { status: 'confirmed', country: 'EG', region: 'MENA', interpretation: 'ar' }));
      await a.saveRegistration(registration('RAAAA4', 'c@example.org', { status: 'confirmed', country: 'EG', region: 'MENA', interpretation: 'none' }));
      expect(await b.registrationCounts()).toEqual({
        total: 3,
        byStatus: { pending: 1, confirmed: 2 },
        byRegion: { AFW: 1, MENA: 2 },
        byCountry: { SN: 1, EG: 2 },
        byInterpretation: { fr: 1, ar: 1, none: 1 },
      });
    });

    it('pages every registration in export order (created, then id)', async () => {
      const ids = ['RAAAA7', 'RAAAA2', 'RAAAA5', 'RAAAA3', 'RAAAA6', 'RAAAA4', 'RAAAA8'];
      // Two share a creation instant: the id breaks the tie.
      for (const [i, id] of ids.entries()) await a.saveRegistration(registration(id, `${id}@example.org`, { createdAt: at(id === 'RAAAA8' ? 7 : 10 - i) }));
      const pages: string[][] = [];
      for await (const page of b.registrationPages(3)) pages.push(page.map((r) => r.id));
      expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(['RAAAA4', 'RAAAA6', 'RAAAA3', 'RAAAA8', 'RAAAA5', 'RAAAA2', 'RAAAA7']);
      const none: Registration[][] = [];
      await a.purgePersonalData();
      for await (const page of a.registrationPages()) none.push(page);
      expect(none).toEqual([]);
    });
  });

  it('lists the registrations with a status, oldest first, at most as many as asked', async () => {
    await a.saveRegistration(registration('RPEND2', 'p2@example.org', { status: 'pending', createdAt: at(2), updatedAt: at(2) }));
    await a.saveRegistration(registration('RPEND1', 'p1@example.org', { status: 'pending', createdAt: at(1), updatedAt: at(1) }));
    await a.saveRegistration(registration('RCONF1', 'c1@example.org', { status: 'confirmed', createdAt: at(0), updatedAt: at(0) }));
    expect((await b.registrationsWithStatus('pending', 10)).map((r) => r.id)).toEqual(['RPEND1', 'RPEND2']);
    expect((await b.registrationsWithStatus('pending', 1)).map((r) => r.id)).toEqual(['RPEND1']);
    expect(await b.registrationsWithStatus('declined', 10)).toEqual([]);
  });

  describe('forms', () => {
    it('saves over the version read, and refuses a stale one with the current form', async () => {
      expect(await a.form('U1')).toBeUndefined();
      const first = await a.saveForm('U1', progress(0, { name: 'Amina' }), NO_FORM);
      expect(first.saved).toBe(true);
      const read = await b.form('U1');
      expect(read?.progress).toEqual(progress(0, { name: 'Amina' }));
      const second = await b.saveForm('U1', progress(1, { name: 'Amina', email: 'a@example.org' }), read!.version);
      expect(second.saved).toBe(true);
      const stale = await a.saveForm('U1', progress(1, { name: 'Someone else' }), read!.version);
      expect(stale).toEqual({ saved: false, current: { progress: progress(1, { name: 'Amina', email: 'a@example.org' }), version: (second as { version: number }).version } });
      expect((await a.saveForm('U1', progress(0), NO_FORM)).saved).toBe(false);
    });

    it('keeps every optional field, and answers removed by a later save stay removed', async () => {
      const full: FormProgress = { ...progress(7, { country: 'EG', region: 'AFE' }), review: true, editing: true, pendingChoices: ['EG', 'EC'], regionToConfirm: 'AFE', lang: 'ar' };
      const saved = await a.saveForm('U1', full, NO_FORM);
      expect((await b.form('U1'))?.progress).toEqual(full);
      await b.saveForm('U1', progress(8, { country: 'EG' }), (saved as { version: number }).version);
      expect((await a.form('U1'))?.progress).toEqual(progress(8, { country: 'EG' }));
    });

    it('never reuses a version: a form dropped and begun again refuses the old one', async () => {
      const old = await a.saveForm('U1', progress(0), NO_FORM);
      await b.dropForm('U1');
      expect(await a.form('U1')).toBeUndefined();
      await b.saveForm('U1', progress(0), NO_FORM);
      expect((await a.saveForm('U1', progress(3), (old as { version: number }).version)).saved).toBe(false);
    });

    it('drops forms idle since an instant and counts them', async () => {
      await a.saveForm('U1', progress(0, {}, at(1)), NO_FORM);
      await a.saveForm('U2', progress(0, {}, at(20)), NO_FORM);
      expect(await b.dropFormsIdleSince(at(10))).toBe(1);
      expect(await a.form('U1')).toBeUndefined();
      expect(await a.form('U2')).toBeDefined();
    });

    it('refuses a form the schema refuses', async () => {
      await expect(a.saveForm('U1', { ...progress(0), step: -1 }, NO_FORM)).rejects.toThrow();
      expect(await a.form('U1')).toBeUndefined();
    });
  });

  describe('invites and subscriptions', () => {
    it('adds invited emails once each, whatever their case', async () => {
      expect(await a.addInvites(['Amina@Example.org', 'b@example.org', 'b@example.org'], 'U0')).toBe(2);
      expect(await b.addInvites(['amina@example.org', 'c@example.org'], 'U0')).toBe(1);
      expect(await b.isInvited('AMINA@example.org')).toBe(true);
      expect(await b.isInvited('d@example.org')).toBe(false);
      expect(await a.inviteCount()).toBe(3);
      expect(await a.addInvites([], 'U0')).toBe(0);
    });

    it('saves, lists, reads and drops subscriptions', async () => {
      const paused = subscription('slack:C2', { lastPosted: '2021-05-04', paused: { at: at(4), reason: 'not_in_channel' } });
      await a.saveSubscription(subscription('slack:C1'));
      await a.saveSubscription(paused);
      expect(await b.subscription('slack:C2')).toEqual(paused);
      expect((await b.subscriptions()).map((s) => s.id)).toEqual(['slack:C1', 'slack:C2']);
      await b.saveSubscription(subscription('slack:C1', { time: '09:00' }));
      expect((await a.subscription('slack:C1'))?.time).toBe('09:00');
      await a.dropSubscription('slack:C1');
      expect(await b.subscription('slack:C1')).toBeUndefined();
      await expect(a.saveSubscription(subscription('slack:C3', { time: '25:00' }))).rejects.toThrow();
    });
  });

  describe('scheduled posts, sightings and downloads', () => {
    it('claims a post once', async () => {
      const key = 'digest::slack:C1::2021-05-04';
      expect(await a.claimPost(key)).toBe(true);
      expect(await b.claimPost(key)).toBe(false);
      await a.markPosted(key);
      expect(await a.claimPost(key)).toBe(false);
    });

    it('a released claim can be claimed again, a sent one never', async () => {
      expect(await a.claimPost('remind::u1::w1-d1-a::t')).toBe(true);
      await a.releasePost('remind::u1::w1-d1-a::t');
      expect(await b.claimPost('remind::u1::w1-d1-a::t')).toBe(true);
      await b.markPosted('remind::u1::w1-d1-a::t');
      await a.releasePost('remind::u1::w1-d1-a::t'); // sent: stays sent
      expect(await a.claimPost('remind::u1::w1-d1-a::t')).toBe(false);
    });

    it('gives each starrer with the reminder lead they chose', async () => {
      await a.star('slack:T1:U1', 'w1-d1-a', at(1));
      await a.star('slack:T1:U2', 'w1-d1-a', at(1));
      await a.updateUser('slack:T1:U2', { remindMinutes: 0 });
      expect(await b.starrersOf(['w1-d1-a'])).toEqual([
        { userId: 'slack:T1:U1', sessionId: 'w1-d1-a' },
        { userId: 'slack:T1:U2', sessionId: 'w1-d1-a', remindMinutes: 0 },
      ]);
    });

    it('keeps a shared setting: the last value written, refused when malformed', async () => {
      expect(await a.setting('content-version')).toBeUndefined();
      await a.saveSetting('content-version', 'abc');
      await a.saveSetting('content-version', 'def');
      expect(await b.setting('content-version')).toBe('def');
      await expect(a.saveSetting('Not A Key', 'x')).rejects.toThrow();
    });

    it('sees an id first once per kind, and again after it expires', async () => {
      expect(await a.firstSeen('slack-event', 'Ev1', 0.3)).toBe(true);
      expect(await b.firstSeen('slack-event', 'Ev1', 0.3)).toBe(false);
      expect(await b.firstSeen('slack-signature', 'Ev1', 0.3)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await b.firstSeen('slack-event', 'Ev1', 60)).toBe(true);
      expect(await a.firstSeen('slack-event', 'Ev1', 60)).toBe(false);
    });

    it('counts the instances alive: each heartbeat lasts its time to live, and an instance counts once', async () => {
      expect(await a.liveInstances('instance-a', 0.3)).toBe(1);
      expect(await b.liveInstances('instance-b', 0.3)).toBe(2);
      expect(await a.liveInstances('instance-a', 0.3)).toBe(2); // renewed, not counted twice
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await b.liveInstances('instance-b', 60)).toBe(1); // a's heartbeat ran out
    });

    it('serves a download until it expires, to any instance, and revokes an owner’s links', async () => {
      // Links expire on the real clock (a save also forgets links already expired), so these times are real ones.
      const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
      const file = { owner: 'U1', name: 'ckex.csv', mime: 'text/csv', content: '\ufeffid,name\nRAAAA2,أمينة\n', expiresAt: inMinutes(15) };
      await a.saveDownload('tok1', file);
      await a.saveDownload('tok2', { ...file, owner: 'U2' });
      expect(await b.takeDownload('tok1')).toEqual(file);
      expect(await b.takeDownload('tok1', inMinutes(10))).toEqual(file);
      expect(await b.takeDownload('tok1', inMinutes(16))).toBeUndefined();
      expect(await b.takeDownload('nope')).toBeUndefined();
      expect(await b.revokeDownloads('U1')).toBe(1);
      expect(await a.takeDownload('tok1')).toBeUndefined();
      expect(await a.takeDownload('tok2')).toBeDefined();
    });
  });

  describe('erasure and retention', () => {
    async function fill(store: AsyncStore): Promise<void> {
      await store.updateUser('U1', { lang: 'fr' });
      await store.updateUser('U2', { lang: 'ar' });
      await store.saveForm('U1', progress(2), NO_FORM);
      await store.saveForm('U2', progress(2), NO_FORM);
      await store.saveRegistration(registration('RAAAA2', 'one@example.org', { userIds: ['U1'] }));
      await store.saveRegistration(registration('RAAAA3', 'two@example.org', { userIds: ['U2'] }));
      await store.addInvites(['one@example.org', 'three@example.org'], 'U0');
      await store.saveConversation({ id: 'p1', platform: 'teams', scope: 'personal', userId: 'U1', reference: { a: 1 } });
      await store.saveConversation({ id: 'c1', platform: 'teams', scope: 'channel', reference: { a: 2 } });
      await store.updateUser('U1', { remindMinutes: 10 });
      await store.star('U1', 'w1-d1-a', at(1));
      await store.star('U1', 'w1-d2-a', at(2));
      await store.star('U2', 'w1-d1-a', at(3));
    }

    it('erasing a user erases the claims that name them; the purge every personal claim; digests stay', async () => {
      await a.claimPost('remind::slack:T1:U1::w1-d1-a::2021-05-03T12:30:00.000Z');
      await a.claimPost('notice::slack:T1:U1::aa->bb');
      await a.claimPost('remind::slack:T1:U10::w1-d1-a::2021-05-03T12:30:00.000Z'); // another user whose id starts alike
      await a.claimPost('digest::slack:C1:en::2021-05-03');
      await a.eraseUser('slack:T1:U1');
      expect(await b.claimPost('remind::slack:T1:U1::w1-d1-a::2021-05-03T12:30:00.000Z')).toBe(true);
      expect(await b.claimPost('notice::slack:T1:U1::aa->bb')).toBe(true);
      expect(await b.claimPost('remind::slack:T1:U10::w1-d1-a::2021-05-03T12:30:00.000Z')).toBe(false);
      await a.purgePersonalData();
      expect(await b.claimPost('remind::slack:T1:U10::w1-d1-a::2021-05-03T12:30:00.000Z')).toBe(true);
      expect(await b.claimPost('digest::slack:C1:en::2021-05-03')).toBe(false);
    });

    it('erases the claims that the PersonalPosts it was opened with names, taking its prefixes literally', async () => {
      const mine: PersonalPosts = { prefixes: ['mine::'], prefixesOf: (userId) => [`mine::${userId}::`] };
      const other = await open(mine);
      try {
        const { a: x, b: y } = other;
        await x.claimPost('mine::U_1::w1-d1-a');
        await x.claimPost('mine::UX1::w1-d1-a'); // "_" is no wildcard
        await x.claimPost('remind::U_1::w1-d1-a::t'); // names nobody, for this store
        await x.eraseUser('U_1');
        expect(await y.claimPost('mine::U_1::w1-d1-a')).toBe(true);
        expect(await y.claimPost('mine::UX1::w1-d1-a')).toBe(false);
        expect(await y.claimPost('remind::U_1::w1-d1-a::t')).toBe(false);
        await x.purgePersonalData();
        expect(await y.claimPost('mine::UX1::w1-d1-a')).toBe(true);
        expect(await y.claimPost('remind::U_1::w1-d1-a::t')).toBe(false);
      } finally {
        await other.close();
      }
    });

    it('erases one user and nobody else', async () => {
      await fill(a);
      const token = await a.feedToken('U1');
      const kept = await a.feedToken('U2');
      await b.eraseUser('U1');
      expect(await a.starsOf('U1')).toEqual([]);
      expect(await a.starrersOf(['w1-d1-a', 'w1-d2-a'])).toEqual([{ userId: 'U2', sessionId: 'w1-d1-a' }]);
      expect(await a.feedOwner(token)).toBeUndefined(); // the calendar address answers 404
      expect(await a.feedOwner(kept)).toBe('U2');
      expect(await b.feedToken('U1')).not.toBe(token); // asked again: a new address, never the old one
      expect(await a.user('U1')).toBeUndefined();
      expect(await a.form('U1')).toBeUndefined();
      expect(await a.registrationsOf('U1')).toEqual([]);
      expect(await a.registrationByEmail('one@example.org')).toBeUndefined();
      expect(await a.conversation('p1')).toBeUndefined();
      expect(await a.user('U2')).toBeDefined();
      expect(await a.registration('RAAAA3')).toBeDefined();
      expect(await a.conversation('c1')).toBeDefined();
      // The email is free again.
      expect((await a.saveRegistration(registration('RAAAA4', 'one@example.org'))).outcome).toBe('saved');
    });

    it('counts personal data, purges it, and keeps preferences and channels', async () => {
      await fill(a);
      const token = await b.feedToken('U1');
      const counts = { registrations: 2, invites: 2, forms: 2, conversations: 1, stars: 3, feeds: 1, nominations: 0, questions: 0, votes: 0, feedback: 0, announcements: 0 };
      expect(await b.personalDataCounts()).toEqual(counts);
      await a.saveDownload('tok', { owner: 'U0', name: 'x.csv', mime: 'text/csv', content: 'x', expiresAt: new Date(Date.now() + 60_000).toISOString() });
      expect(await b.purgePersonalData()).toEqual(counts);
      expect(await a.personalDataCounts()).toEqual({ registrations: 0, invites: 0, forms: 0, conversations: 0, stars: 0, feeds: 0, nominations: 0, questions: 0, votes: 0, feedback: 0, announcements: 0 });
      expect(await a.takeDownload('tok')).toBeUndefined();
      expect(await a.starCounts()).toEqual({});
      expect(await a.starsOf('U1')).toEqual([]);
      expect(await a.feedOwner(token)).toBeUndefined();
      expect(await a.user('U1')).toMatchObject({ lang: 'fr', remindMinutes: 10 });
      expect(await a.conversation('c1')).toBeDefined();
    });
  });

  describe('concurrency as users cause it', () => {
    const rounds = 10;

    it('two saves of one form over the same version: one wins', async () => {
      for (let i = 0; i < rounds; i++) {
        const user = `U${i}`;
        const both = await Promise.all([a.saveForm(user, progress(0, { name: 'A' }), NO_FORM), b.saveForm(user, progress(0, { name: 'B' }), NO_FORM)]);
        expect(both.filter((r) => r.saved)).toHaveLength(1);
        const read = (await a.form(user))!;
        const next = await Promise.all([a.saveForm(user, progress(1, { name: 'A2' }), read.version), b.saveForm(user, progress(1, { name: 'B2' }), read.version)]);
        expect(next.filter((r) => r.saved)).toHaveLength(1);
        const winner = next.findIndex((r) => r.saved) === 0 ? 'A2' : 'B2';
        expect((await b.form(user))?.progress.answers.name).toBe(winner);
      }
    });

    it('one email registered from two instances at once: one registration', async () => {
      for (let i = 0; i < rounds; i++) {
        const email = `same${i}@example.org`;
        const both = await Promise.all([
          a.saveRegistration(registration(`RA${i}AA2`, email, { userIds: ['U1'] })),
          b.saveRegistration(registration(`RB${i}BB2`, email, { userIds: ['U2'] })),
        ]);
        expect(both.map((r) => r.outcome).sort()).toEqual(['saved', 'taken']);
        const saved = both.find((r) => r.outcome === 'saved')!.registration;
        expect(both.find((r) => r.outcome === 'taken')!.registration).toEqual(saved);
        expect(await a.registrationByEmail(email)).toEqual(saved);
      }
      expect((await a.registrationCounts()).total).toBe(rounds);
    });

    it('approve twice at once: one change', async () => {
      for (let i = 0; i < rounds; i++) {
        const id = `RC${i}CC2`;
        await a.saveRegistration(registration(id, `${id}@example.org`));
        const both = await Promise.all([a.setRegistrationStatus(id, 'pending', 'confirmed', at(5)), b.setRegistrationStatus(id, 'pending', 'confirmed', at(6))]);
        expect(both.filter(Boolean)).toHaveLength(1);
      }
    });

    it('approve and decline at once: one decision stands', async () => {
      await a.saveRegistration(registration('RAAAA2', 'a@example.org'));
      const both = await Promise.all([a.setRegistrationStatus('RAAAA2', 'pending', 'confirmed', at(5)), b.setRegistrationStatus('RAAAA2', 'pending', 'declined', at(5))]);
      const winner = both.find(Boolean)!;
      expect(both.filter(Boolean)).toHaveLength(1);
      expect((await a.registration('RAAAA2'))?.status).toBe(winner.status);
    });

    it('a post claimed from two instances at once: one claim', async () => {
      const claims = await Promise.all(Array.from({ length: rounds }, (_, i) => [a.claimPost(`digest::s::${i}`), b.claimPost(`digest::s::${i}`)]).flat());
      for (let i = 0; i < rounds; i++) expect([claims[2 * i], claims[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    });

    it('one calendar token asked for from two instances at once: one token', async () => {
      for (let i = 0; i < rounds; i++) {
        const user = `U${i}`;
        const [x, y] = await Promise.all([a.feedToken(user), b.feedToken(user)]);
        expect(x).toBe(y);
        expect(await a.feedOwner(x)).toBe(user);
        expect(await b.feedToken(user)).toBe(x);
      }
      expect((await a.personalDataCounts()).feeds).toBe(rounds);
    });

    it('one session starred from two instances at once: one star, one "already"', async () => {
      const both = await Promise.all(Array.from({ length: rounds }, (_, i) => [a.star('U1', `w1-d1-${i}`, at(1)), b.star('U1', `w1-d1-${i}`, at(2))]).flat());
      for (let i = 0; i < rounds; i++) expect([both[2 * i], both[2 * i + 1]].filter(Boolean)).toHaveLength(1);
      expect((await a.starsOf('U1')).map((s) => s.sessionId).sort()).toEqual(Array.from({ length: rounds }, (_, i) => `w1-d1-${i}`).sort());
    });

    it('two sessions starred at once by a user one below the limit: one is kept, the other refused', async () => {
      await Promise.all(Array.from({ length: MAX_STARS_PER_USER - 1 }, (_, i) => a.star('U1', `s-${i}`, at(1))));
      for (let i = 0; i < rounds; i++) {
        const both = await Promise.allSettled([a.star('U1', `x-${i}`, at(2)), b.star('U1', `y-${i}`, at(2))]);
        expect(both.filter((r) => r.status === 'fulfilled' && r.value === true)).toHaveLength(1);
        const refused = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(refused.reason).toBeInstanceOf(TooManyStarsError);
        expect(await b.starsOf('U1')).toHaveLength(MAX_STARS_PER_USER);
        const winner = both[0]!.status === 'fulfilled' ? `x-${i}` : `y-${i}`;
        expect(await a.unstar('U1', winner)).toBe(true);
      }
    });

    it('an event seen from two instances at once: seen first once', async () => {
      const seen = await Promise.all(Array.from({ length: rounds }, (_, i) => [a.firstSeen('slack-event', `Ev${i}`, 60), b.firstSeen('slack-event', `Ev${i}`, 60)]).flat());
      for (let i = 0; i < rounds; i++) expect([seen[2 * i], seen[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    });
  });
});

describe('PostgreSQL store only', () => {
  let store: PostgresStore;
  beforeAll(async () => {
    store = (await postgresInstances()).a;
    await store.pool.query(`TRUNCATE ${TABLES}`);
  });

  it('gives registrations and forms stored with AFR their country\'s region when an instance starts', async () => {
    await store.saveRegistration(registration('RAFR01', 'afr-ke@example.org', { country: 'KE', region: 'AFR' }));
    await store.saveRegistration(registration('RAFR02', 'afr-xx@example.org', { country: 'US', region: 'AFR' }));
    const progress = { answers: { country: 'SN', region: 'AFR' }, step: 4, review: false, editing: false, lang: 'fr' as const, startedAt: at(0), updatedAt: at(0) };
    expect((await store.saveForm('slack:T1:UAFR', progress, NO_FORM)).saved).toBe(true);
    const regionOf = (c: string) => ({ KE: 'AFE', SN: 'AFW' } as const)[c as 'KE' | 'SN'];
    const reopened = await PostgresStore.open(database.url, { personalPosts, maxConnections: 2, regionOf });
    try {
      expect((await reopened.registration('RAFR01'))?.region).toBe('AFE');
      expect((await reopened.registration('RAFR02'))?.region).toBe('AFR'); // no region for the country: shown as it was
      expect((await reopened.form('slack:T1:UAFR'))?.progress.answers.region).toBe('AFW');
    } finally {
      await reopened.close();
    }
  });

  it('applied each migration once though two instances started together', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows).toEqual([
        { version: 1, name: '001_init.sql' },
        { version: 2, name: '002_personal_agenda.sql' },
        { version: 3, name: '003_settings.sql' },
        { version: 4, name: '004_last_shown.sql' },
        { version: 5, name: '005_nominations.sql' },
        { version: 6, name: '006_live.sql' },
        { version: 7, name: '007_feedback.sql' },
        { version: 8, name: '008_announcements.sql' },
        { version: 9, name: '009_instances.sql' },
      ]);
    } finally {
      await client.end();
    }
  });

  it('validates on the way out: a row the schemas refuse is an error, not a registration', async () => {
    await store.saveRegistration(registration('RAAAA2', 'a@example.org'));
    await store.pool.query(`UPDATE registrations SET role = 'astronaut' WHERE id = 'RAAAA2'`);
    await expect(store.registration('RAAAA2')).rejects.toThrow();
  });

  it('rejects what the constraints forbid even past the schemas', async () => {
    await expect(store.pool.query(`UPDATE registrations SET status = 'maybe'`)).rejects.toThrow(/check constraint/);
    await expect(store.pool.query(`INSERT INTO stars VALUES ('U1', 'Not-An-Id', now())`)).rejects.toThrow(/check constraint/);
    await expect(store.pool.query(`INSERT INTO feeds (user_id, token) VALUES ('U1', 'short')`)).rejects.toThrow(/check constraint/);
    await expect(store.pool.query(`INSERT INTO users (id, remind_minutes, updated_at) VALUES ('U1', 1441, now())`)).rejects.toThrow(/check constraint/);
  });

  it('validates stars and tokens on the way out too', async () => {
    await store.star('U1', 'w1-d1-a', at(1));
    await store.pool.query(`ALTER TABLE stars DROP CONSTRAINT stars_session_id_check`);
    try {
      await store.pool.query(`UPDATE stars SET session_id = 'W1 D1 A'`);
      await expect(store.starsOf('U1')).rejects.toThrow();
      await expect(store.starCounts()).rejects.toThrow();
    } finally {
      await store.pool.query(`DELETE FROM stars; ALTER TABLE stars ADD CONSTRAINT stars_session_id_check CHECK (session_id ~ '^[a-z0-9][a-z0-9-]{0,79}$')`);
    }
  });

  it('orders stars by code units, as the lowdb store does, even where the columns collate otherwise', async () => {
    // A database made with a language's collation (ICU's root here) would put u-a first and mix the cases.
    await store.pool.query('ALTER TABLE stars ALTER COLUMN user_id TYPE text COLLATE "und-x-icu", ALTER COLUMN session_id TYPE text COLLATE "und-x-icu"');
    try {
      for (const user of ['U-b', 'U-B', 'u-a']) for (const session of ['w1-b', 'w1-a', 'w1-1']) await store.star(user, session, at(1));
      const { rows } = await store.pool.query<{ user_id: string }>(`SELECT user_id FROM stars WHERE session_id = 'w1-a' ORDER BY user_id`);
      expect(rows.map((r) => r.user_id)).toEqual(['u-a', 'U-b', 'U-B']); // what an ORDER BY without COLLATE "C" would give
      expect((await store.starrersOf(['w1-a'])).map((s) => s.userId)).toEqual(['U-B', 'U-b', 'u-a']);
      expect((await store.starsOf('U-b')).map((s) => s.sessionId)).toEqual(['w1-1', 'w1-a', 'w1-b']);
      expect(Object.keys(await store.starCounts())).toEqual(['w1-1', 'w1-a', 'w1-b']);
    } finally {
      await store.pool.query('DELETE FROM stars; ALTER TABLE stars ALTER COLUMN user_id TYPE text COLLATE "default", ALTER COLUMN session_id TYPE text COLLATE "default"');
    }
  });

  it('applies a new numbered migration once, rolls back one that fails, and refuses a database newer than the code', async () => {
    const known = readMigrations();
    const last = Math.max(...known.map((m) => m.version));
    const next = { version: last + 1, name: `${last + 1}_example.sql`, sql: 'CREATE TABLE example (x integer)' };
    const broken = { version: last + 2, name: `${last + 2}_broken.sql`, sql: 'CREATE TABLE broken (x integer); SELECT * FROM nowhere' };
    try {
      expect(await migrate(store.pool, [...known, next])).toEqual([next.name]);
      expect(await migrate(store.pool, [...known, next])).toEqual([]);
      await expect(migrate(store.pool, [...known, next, broken])).rejects.toThrow(`migration ${broken.name} failed`);
      expect((await store.pool.query(`SELECT to_regclass('broken') AS t`)).rows[0].t).toBeNull();
      await expect(migrate(store.pool, known)).rejects.toThrow('newer than this release knows');
    } finally {
      await store.pool.query(`DROP TABLE IF EXISTS example; DELETE FROM schema_migrations WHERE version > ${last}`);
    }
  });
});

describe('lowdb store only', () => {
  it('opens a file written before stars, calendar tokens and reminders, and keeps them from then on', async () => {
    const dir = tempDir();
    try {
      const old = { version: 1, users: { U1: { lang: 'fr', updatedAt: at(0) } }, registrations: {}, forms: {}, invites: {}, subscriptions: {} };
      writeFileSync(join(dir, STORE_FILE), JSON.stringify(old));
      const store = await LowdbStore.open(dir, { personalPosts });
      expect(await store.user('U1')).toEqual({ lang: 'fr', updatedAt: at(0) });
      expect(await store.starsOf('U1')).toEqual([]);
      expect(await store.starCounts()).toEqual({});
      expect(await store.personalDataCounts()).toMatchObject({ stars: 0, feeds: 0 });
      await store.updateUser('U1', { remindMinutes: 30 });
      await store.star('U1', 'w1-d1-a', at(1));
      const token = await store.feedToken('U1');
      await store.close();
      const again = await LowdbStore.open(dir, { personalPosts });
      try {
        expect((await again.user('U1'))?.remindMinutes).toBe(30);
        expect(await again.starsOf('U1')).toEqual([{ sessionId: 'w1-d1-a', at: at(1) }]);
        expect(await again.feedOwner(token)).toBe('U1');
        expect(await again.feedToken('U1')).toBe(token);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('indexes the emails of the file it opens whatever their case', async () => {
    const dir = tempDir();
    try {
      const store = await LowdbStore.open(dir, { personalPosts });
      const held = registration('RAAAA2', 'Amina@Example.org');
      await store.saveRegistration(held);
      await store.close();
      const again = await LowdbStore.open(dir, { personalPosts });
      try {
        expect(await again.registrationByEmail('amina@example.org')).toEqual(held);
        expect((await again.saveRegistration(registration('RAAAA3', 'AMINA@example.org', { userIds: ['U2'] }))).outcome).toBe('taken');
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens a file holding one email in two cases (written before that was refused): the oldest holds it, then the other', async () => {
    const dir = tempDir();
    try {
      const older = registration('RAAAA3', 'Amina@example.org', { userIds: ['U1'], createdAt: at(1) });
      const newer = registration('RAAAA2', 'amina@example.org', { userIds: ['U2'], createdAt: at(2) });
      writeFileSync(join(dir, STORE_FILE), JSON.stringify({ version: 1, users: {}, registrations: { RAAAA2: newer, RAAAA3: older } }));
      const store = await LowdbStore.open(dir, { personalPosts });
      try {
        expect(await store.registrationByEmail('AMINA@example.org')).toEqual(older);
        await store.eraseUser('U1');
        expect(await store.registrationByEmail('AMINA@example.org')).toEqual(newer);
        expect((await store.saveRegistration(registration('RAAAA4', 'amina@EXAMPLE.org', { userIds: ['U3'] }))).outcome).toBe('taken');
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file whose stars or tokens are malformed, and leaves it untouched', async () => {
    for (const bad of [{ stars: { U1: { 'NOT AN ID': at(1) } } }, { stars: { U1: { 'w1-d1-a': 'yesterday' } } }, { feeds: { U1: 'short' } }]) {
      const dir = tempDir();
      try {
        const text = JSON.stringify({ version: 1, users: {}, ...bad });
        writeFileSync(join(dir, STORE_FILE), text);
        await expect(LowdbStore.open(dir, { personalPosts })).rejects.toThrow('the store file is not valid');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
