// One contract, every store: the same tests run on the lowdb store (through its AsyncStore adapter) and on
// PostgreSQL. `a` and `b` are two instances: two pools on one database for PostgreSQL; for lowdb, which one process
// holds, the same store twice, raced through the event loop.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NO_FORM, type AsyncStore } from '../src/store/async-store.js';
import { StoreRejectedError } from '../src/store/errors.js';
import { LowdbAsyncStore } from '../src/store/lowdb-async.js';
import { migrate, PostgresStore, readMigrations } from '../src/store/postgres/index.js';
import type { FormProgress, Registration, Subscription } from '../src/store/schema.js';
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

const TABLES = 'users, conversations, registrations, forms, form_answers, invites, subscriptions, posts, seen, downloads';

/** Two instances on the file's database, opened together: both migrate at once, under the advisory lock. */
async function postgresInstances(): Promise<{ a: PostgresStore; b: PostgresStore }> {
  if (!postgres) {
    const [a, b] = await Promise.all([PostgresStore.open(database.url), PostgresStore.open(database.url)]);
    postgres = { a, b };
  }
  return postgres;
}

const stores: [string, () => Promise<Instances>][] = [
  [
    'lowdb-async',
    async () => {
      const dir = tempDir();
      const store = await LowdbAsyncStore.open(dir);
      const close = async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      };
      return { a: store, b: store, close };
    },
  ],
  [
    'postgres',
    async () => {
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
  });

  describe('conversations', () => {
    const reference = { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.trafficmanager.net/emea/', user: { id: '29:1', aadObjectId: 'x' } };

    it('saves, lists, reads and drops references whole', async () => {
      await a.saveConversation({ id: 'a:1', platform: 'teams', scope: 'personal', userId: '29:1', reference });
      await a.saveConversation({ id: 'c:2', platform: 'teams', scope: 'channel', reference: { conversation: { id: 'c:2' } } });
      expect(await b.conversation('a:1')).toMatchObject({ id: 'a:1', platform: 'teams', scope: 'personal', userId: '29:1', reference });
      expect((await b.conversations()).map((c) => c.id)).toEqual(['a:1', 'c:2']);
      await b.dropConversation('a:1');
      expect(await a.conversation('a:1')).toBeUndefined();
      await a.dropConversation('nothing');
    });

    it('refuses a reference too large, and only that write fails', async () => {
      const huge = { blob: 'x'.repeat(10_000) };
      await expect(a.saveConversation({ id: 'big', platform: 'teams', scope: 'channel', reference: huge })).rejects.toBeInstanceOf(StoreRejectedError);
      await a.saveConversation({ id: 'ok', platform: 'teams', scope: 'channel', reference });
      expect((await a.conversations()).map((c) => c.id)).toEqual(['ok']);
    });
  });

  describe('registrations', () => {
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
    it('claims a post once, and knows it posted only once marked', async () => {
      const key = 'digest::slack:C1::2021-05-04';
      expect(await a.claimPost(key)).toBe(true);
      expect(await b.claimPost(key)).toBe(false);
      expect(await b.isPosted(key)).toBe(false);
      await a.markPosted(key);
      expect(await b.isPosted(key)).toBe(true);
      expect(await a.claimPost(key)).toBe(false);
    });

    it('sees an id first once per kind, and again after it expires', async () => {
      expect(await a.firstSeen('slack-event', 'Ev1', 0.3)).toBe(true);
      expect(await b.firstSeen('slack-event', 'Ev1', 0.3)).toBe(false);
      expect(await b.firstSeen('slack-signature', 'Ev1', 0.3)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await b.firstSeen('slack-event', 'Ev1', 60)).toBe(true);
      expect(await a.firstSeen('slack-event', 'Ev1', 60)).toBe(false);
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
    }

    it('erases one user and nobody else', async () => {
      await fill(a);
      await b.eraseUser('U1');
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
      const counts = { registrations: 2, invites: 2, forms: 2, conversations: 1 };
      expect(await b.personalDataCounts()).toEqual(counts);
      await a.saveDownload('tok', { owner: 'U0', name: 'x.csv', mime: 'text/csv', content: 'x', expiresAt: new Date(Date.now() + 60_000).toISOString() });
      expect(await b.purgePersonalData()).toEqual(counts);
      expect(await a.personalDataCounts()).toEqual({ registrations: 0, invites: 0, forms: 0, conversations: 0 });
      expect(await a.takeDownload('tok')).toBeUndefined();
      expect((await a.user('U1'))?.lang).toBe('fr');
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

  it('applied each migration once though two instances started together', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version, name FROM schema_migrations ORDER BY version');
      expect(rows).toEqual([{ version: 1, name: '001_init.sql' }]);
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
  });

  it('applies a new numbered migration once, rolls back one that fails, and refuses a database newer than the code', async () => {
    const known = readMigrations();
    const next = { version: 2, name: '002_example.sql', sql: 'CREATE TABLE example (x integer)' };
    const broken = { version: 3, name: '003_broken.sql', sql: 'CREATE TABLE broken (x integer); SELECT * FROM nowhere' };
    try {
      expect(await migrate(store.pool, [...known, next])).toEqual(['002_example.sql']);
      expect(await migrate(store.pool, [...known, next])).toEqual([]);
      await expect(migrate(store.pool, [...known, next, broken])).rejects.toThrow('migration 003_broken.sql failed');
      expect((await store.pool.query(`SELECT to_regclass('broken') AS t`)).rows[0].t).toBeNull();
      await expect(migrate(store.pool, known)).rejects.toThrow('newer than this release knows');
    } finally {
      await store.pool.query('DROP TABLE IF EXISTS example; DELETE FROM schema_migrations WHERE version > 1');
    }
  });
});
