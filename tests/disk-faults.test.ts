// The lowdb store on a disk that fails its writes (full, failing): the change is refused with the disk's own error
// and taken back in memory, the file stays as it was with no temp file beside it, and the next write that lands
// holds everything confirmed before. The same through the wrapper (one log) and through a whole bot.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGS } from '../src/core/lang.js';
import { log } from '../src/core/log.js';
import { StoreUnavailableError } from '../src/core/store/errors.js';
import type { Registration } from '../src/core/store/records.js';
import { LowdbStore, POSTS_FILE, readStoreFile, STORE_FILE } from '../src/store/lowdb/index.js';
import { openStore } from '../src/store/open.js';
import { isOutage } from '../src/store/outage.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { testBot, tempDir, type TestBot } from './helpers/bot.js';
import { FailingDisk, type FaultAt, type FaultCode } from './helpers/disk.js';
import { allRegistrations } from './helpers/registrations.js';

const at = (minute: number) => new Date(Date.UTC(2021, 4, 3, 12, minute)).toISOString();

function registration(id: string, email: string, userId: string): Registration {
  return { id, email, name: 'Amina Diallo', organisation: 'Ministry', country: 'SN', role: 'policymaker', institution: 'ministry', region: 'AFW', interpretation: 'fr', consentAt: at(0), lang: 'fr', status: 'pending', invited: false, userIds: [userId], createdAt: at(0), updatedAt: at(0) };
}

const A = registration('RAAAA1', 'a@example.org', 'UA');
const B = registration('RBBBB1', 'b@example.org', 'UB');
const C = registration('RCCCC1', 'c@example.org', 'UC');

let disk: FailingDisk;
beforeEach(() => void (disk = new FailingDisk()));
afterEach(() => {
  disk.restore();
  vi.restoreAllMocks();
});

const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));
const bytes = (dir: string, file = STORE_FILE) => readFileSync(join(dir, file));

/** What a caller is given: the disk's error itself, which the wrapper knows for an outage. */
async function refused(promise: Promise<unknown>, code: FaultCode): Promise<void> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err, 'the write should have failed').toBeDefined();
  expect((err as NodeJS.ErrnoException).code).toBe(code);
  expect(isOutage(err)).toBe(true);
}

async function storeWithA(): Promise<{ dir: string; store: LowdbStore }> {
  const dir = tempDir();
  const store = await LowdbStore.open(dir, { personalPosts });
  await store.saveRegistration(A, 'new');
  return { dir, store };
}

describe('a write the disk fails', () => {
  it.each<[FaultCode, FaultAt]>([
    ['ENOSPC', 'write'],
    ['EIO', 'write'],
    ['EIO', 'sync'],
    ['EIO', 'rename'],
  ])('%s at %s: refused, taken back, the file untouched; the next write holds everything confirmed', async (code, where) => {
    const { dir, store } = await storeWithA();
    const before = bytes(dir);
    disk.fail(code, where);
    await refused(store.saveRegistration(B, 'new'), code);
    expect(disk.failures).toBe(1);
    expect(await store.registration(B.id)).toBeUndefined();
    expect(await store.registrationByEmail(B.email)).toBeUndefined();
    expect((await store.registrationCounts()).total).toBe(1);
    expect(bytes(dir).equals(before)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);

    disk.clear();
    // B's email was taken back with it: saved now as new, not refused as held by a registration nobody has.
    expect((await store.saveRegistration(B, 'new')).outcome).toBe('saved');
    await store.saveRegistration(C, 'new');
    await store.close();
    const again = await LowdbStore.open(dir, { personalPosts });
    expect((await again.registrationCounts()).total).toBe(3);
    for (const r of [A, B, C]) expect(await again.registration(r.id)).toEqual(r);
    await again.close();
  });

  it('fails every change that waited for the write with it, and takes all of them back', async () => {
    const { dir, store } = await storeWithA();
    const before = bytes(dir);
    const form = { answers: { name: 'Omar' }, step: 1, review: false, editing: false, lang: 'ar' as const, startedAt: at(1), updatedAt: at(1) };
    disk.fail('ENOSPC');
    const changes = [
      store.saveRegistration(B, 'new'), // the write under way
      // Waiting for the next write, decided over the first: they fail with it.
      store.setRegistrationStatus(A.id, 'pending', 'confirmed', at(2)),
      store.saveForm('UB', form, 0),
      store.star('UB', 'w1-d1-a', at(3)),
      store.feedToken('UB'),
      store.addInvites(['b@example.org'], 'organiser'),
      ...Array.from({ length: 20 }, (_, i) => store.updateUser(`u${i}`, { lang: 'fr' })),
    ];
    const settled = await Promise.allSettled(changes);
    expect(settled.map((s) => s.status)).toEqual(changes.map(() => 'rejected'));
    expect(disk.failures).toBe(1);
    expect(await store.registration(A.id)).toEqual(A);
    expect(await store.registration(B.id)).toBeUndefined();
    expect(await store.form('UB')).toBeUndefined();
    expect(await store.user('u0')).toBeUndefined();
    expect(await store.personalDataCounts()).toEqual({ registrations: 1, invites: 0, forms: 0, conversations: 0, stars: 0, feeds: 0, nominations: 0, questions: 0, votes: 0, feedback: 0, announcements: 0 });
    expect(bytes(dir).equals(before)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);

    disk.clear();
    expect(await store.saveForm('UB', form, 0)).toMatchObject({ saved: true }); // the version went back with the form
    expect(await store.star('UB', 'w1-d1-a', at(3))).toBe(true);
    await store.close();
    const again = await LowdbStore.open(dir, { personalPosts });
    expect(await again.personalDataCounts()).toMatchObject({ registrations: 1, forms: 1, stars: 1, feeds: 0 });
    await again.close();
  });

  it('fails a coalesced write as a whole, and keeps the write before it', async () => {
    const { dir, store } = await storeWithA();
    disk.fail('ENOSPC', 'write', { after: 1 }); // the first write lands, the one that coalesced the rest fails
    const settled = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.updateUser(`u${i}`, { lang: 'ar' })));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', ...Array<string>(19).fill('rejected')]);
    expect(await store.user('u0')).toMatchObject({ lang: 'ar' });
    expect(await store.user('u1')).toBeUndefined();
    expect(Object.keys(JSON.parse(bytes(dir).toString()).users)).toEqual(['u0']);
    expect(tempFiles(dir)).toEqual([]);
    disk.clear();
    await store.close();
  });

  it('takes back a change whose file was renamed but whose folder fsync failed, and puts the file back in step', async () => {
    const { dir, store } = await storeWithA();
    disk.fail('EIO', 'folder');
    await refused(store.saveRegistration(B, 'new'), 'EIO');
    expect(await store.registration(B.id)).toBeUndefined();
    // The rename happened: the file may hold B until a write lands. The probe (ping) writes again until one does.
    await refused(store.ping(), 'EIO');
    disk.clear();
    await store.ping();
    expect(Object.keys(JSON.parse(bytes(dir).toString()).registrations)).toEqual([A.id]);
    await store.ping(); // in step now: nothing more to write
    expect(store.file.failing).toBe(false);
    await store.close();
  });

  it('erases nothing when the erasure cannot be written, and erases all of it once the disk is back', async () => {
    const { dir, store } = await storeWithA();
    await store.updateUser('UA', { lang: 'fr' });
    await store.star('UA', 'w1-d1-a', at(1));
    const token = await store.feedToken('UA');
    disk.fail('ENOSPC');
    await refused(store.eraseUser('UA'), 'ENOSPC');
    await refused(store.purgePersonalData(), 'ENOSPC');
    expect(await store.registration(A.id)).toEqual(A);
    expect(await store.registrationByEmail(A.email)).toEqual(A);
    expect(await store.feedOwner(token)).toBe('UA');
    expect(await store.personalDataCounts()).toMatchObject({ registrations: 1, stars: 1, feeds: 1 });
    disk.clear();
    await store.eraseUser('UA');
    expect(await store.feedOwner(token)).toBeUndefined();
    await store.close();
    expect(bytes(dir).toString()).not.toContain(A.email);
  });
});

describe('a post claim the disk fails', () => {
  it('is not held: the claim is refused, the claims file untouched, and the key can be claimed once the disk is back', async () => {
    const { dir, store } = await storeWithA();
    expect(await store.claimPost('digest:one')).toBe(true);
    const before = bytes(dir, POSTS_FILE);
    const storeBefore = bytes(dir);
    disk.fail('ENOSPC', 'write', { file: POSTS_FILE });
    await refused(store.claimPost('digest:two'), 'ENOSPC');
    await refused(store.markPosted('digest:one'), 'ENOSPC');
    await refused(store.releasePost('digest:one'), 'ENOSPC');
    expect(bytes(dir, POSTS_FILE).equals(before)).toBe(true);
    expect(tempFiles(dir)).toEqual([]);
    await store.updateUser('u1', { lang: 'ar' }); // ckex.json is another file: its writes go on
    expect(bytes(dir).equals(storeBefore)).toBe(false);

    disk.clear();
    expect(await store.claimPost('digest:one')).toBe(false); // still claimed, not posted: its release failed
    expect(await store.claimPost('digest:two')).toBe(true);
    await store.markPosted('digest:one');
    await store.close();
    const posts = JSON.parse(bytes(dir, POSTS_FILE).toString()).posts;
    expect(Object.keys(posts).sort()).toEqual(['digest:one', 'digest:two']);
    expect(posts['digest:one'].postedAt).toBeDefined();
  });
});

describe('through the wrapper', () => {
  it('tells the caller nothing was saved, logs the outage once, and saves again once a write lands', async () => {
    const warn = vi.spyOn(log, 'warn');
    const info = vi.spyOn(log, 'info');
    const dir = tempDir();
    const store = await openStore({ DATA_DIR: dir }, { personalPosts });
    await store.saveRegistration(A, 'new');
    disk.fail('ENOSPC');
    await expect(store.saveRegistration(B, 'new')).rejects.toMatchObject({ name: 'StoreUnavailableError', write: true });
    await expect(store.saveRegistration(C, 'new')).rejects.toBeInstanceOf(StoreUnavailableError); // refused at once, the disk untried
    await expect.poll(() => disk.failures, { timeout: 5_000 }).toBeGreaterThan(1); // the probe tried a whole write again
    const outages = () => warn.mock.calls.filter(([, message]) => String(message).includes('out of reach'));
    expect(outages()).toHaveLength(1);
    expect(outages()[0]![0]).toEqual({ reason: 'ENOSPC' });

    disk.clear();
    await expect.poll(() => store.ping().then(() => true, () => false), { timeout: 5_000 }).toBe(true);
    expect(info.mock.calls.filter(([, message]) => message === 'the store is reachable again')).toHaveLength(1);
    expect(await store.registration(B.id)).toBeUndefined();
    await store.saveRegistration(C, 'new');
    expect(outages()).toHaveLength(1);
    await store.close();
    const again = await LowdbStore.open(dir, { personalPosts });
    expect((await allRegistrations(again)).map((r) => r.id)).toEqual([A.id, C.id]);
    await again.close();
  });
});

describe('a whole bot on a failing disk', () => {
  const ANSWERS = ['Amina Benali', 'amina@example.org', 'Ministry of Social Affairs', 'Morocco', 'policymaker', 'ministry', 'MENA', 'skip', 'french', 'yes'];
  let bot: TestBot | undefined;
  afterEach(async () => void (await bot?.store.close().catch(() => undefined)));

  it.each(LANGS)('%s: confirming while the disk fails is answered "could not save", nothing is kept, and the same form finishes later', async (lang) => {
    bot = await testBot('2021-05-04T14:00:00Z');
    const t = bot.core.i18n.t(lang);
    const amina = { id: 'slack:T1:amina' };
    const dm = (text: string) => bot!.say(text, amina, { conversational: true });
    await dm(`lang ${lang}`);
    await dm('register');
    for (const answer of ANSWERS) await dm(answer);
    expect((await bot.store.form('slack:T1:amina'))?.progress.review).toBe(true);

    disk.fail('ENOSPC');
    const refusedReply = await bot.reply('confirm', amina, { conversational: true });
    expect(refusedReply).toEqual({ lang, blocks: [{ type: 'text', text: [t('errors.notSaved')] }] });
    expect(disk.failures).toBeGreaterThan(0); // the disk itself refused it, not a store already known to be down
    const onDisk = (await readStoreFile(bot.dataDir))!;
    expect(onDisk.registrations).toEqual({});
    expect(onDisk.forms['slack:T1:amina']?.review).toBe(true);

    disk.clear();
    await expect.poll(() => bot!.store.ping().then(() => true, () => false), { timeout: 5_000 }).toBe(true);
    expect(tempFiles(bot.dataDir)).toEqual([]); // none from the refused write, nor from the probe's retries
    expect(await bot.store.registrationByEmail('amina@example.org')).toBeUndefined();
    expect(await dm('confirm')).toContain(t('registration.done.pending'));
    await bot.store.close();
    expect(Object.values((await readStoreFile(bot.dataDir))!.registrations).map((r) => r.email)).toEqual(['amina@example.org']);
    bot = undefined;
  });
});
