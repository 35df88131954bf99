// An announcement on two instances sharing one PostgreSQL database: the organiser's form messages land on either
// instance at random (seeded), and once it is confirmed both schedulers go for it; an English, a French and an
// Arabic participant each get exactly one direct message, in their language, and it is counted once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Registration } from '../src/core/store/records.js';
import { PostgresStore } from '../src/store/postgres/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { blocksText, eventEnvelope, eventually, prng, SEED, signedRequest, sleep, usePair, type Instance } from './helpers/instances.js';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';

const NOW = '2021-05-04T14:00:00Z';
let database: TestDatabase | undefined;
let store: PostgresStore | undefined;
const pair = usePair(async () => (database = await testDatabase()), { CKEX_NOW: NOW, CKEX_ADMINS: 'UORG' });

beforeAll(async () => {
  pair();
  store = await PostgresStore.open(database!.url, { personalPosts });
});
afterAll(async () => {
  await store?.close();
});

const registration = (id: string, user: string, lang: Registration['lang']): Registration => ({
  id, email: `${id.toLowerCase()}@example.org`, name: 'P', organisation: 'Ministry', country: 'MA', role: 'policymaker', institution: 'ministry', region: 'MENA', interpretation: 'fr',
  consentAt: NOW, lang, status: 'confirmed', invited: true, userIds: [`slack:T1:${user}`], createdAt: NOW, updatedAt: NOW,
});

const TEXTS = { en: 'The plenary moves to room B.', fr: 'La plénière passe en salle B.', ar: 'تنتقل الجلسة العامة إلى القاعة B.' };

describe('an announcement on two instances', () => {
  it('reaches each participant once in their language, whichever instance took each message', async () => {
    const { a, b, ledger, logs } = pair();
    await store!.saveRegistration(registration('RAAAA2', 'UEN', 'en'));
    await store!.saveRegistration(registration('RAAAA3', 'UFR', 'fr'));
    await store!.saveRegistration(registration('RAAAA4', 'UAR', 'ar'));
    const random = prng(SEED);
    let k = 0;
    const dm = async (text: string): Promise<string> => {
      const to: Instance = random() < 0.5 ? a : b;
      k++;
      const ts = `5.${k}`;
      await signedRequest(to.events, eventEnvelope({ type: 'message', channel_type: 'im', channel: 'DUORG', user: 'UORG', text, ts, event_ts: ts }, `EvAnn${k}`), 'application/json');
      const posts = await ledger.waitFor('DUORG', k, 15_000);
      if (!posts) throw new Error(`no reply to ${text} (seed ${SEED})${logs()}`);
      return blocksText(posts[k - 1]!);
    };
    expect(await dm('announce')).toContain('Who is it for?');
    await dm('1');
    await dm(TEXTS.en);
    await dm(TEXTS.fr);
    await dm(TEXTS.ar);
    expect(await dm('now')).toContain('preview');
    expect(await dm('confirm')).toMatch(/is going out now/);
    const got = () => ['UEN', 'UFR', 'UAR'].map((u) => ledger.posts(u).length);
    await eventually(() => got().every((n) => n >= 1), () => `each participant's message: ${got().join(', ')}${logs()}`, 30_000);
    // Both schedulers tick again (every 10 s): still one each.
    await sleep(12_000);
    expect(got()).toEqual([1, 1, 1]);
    expect(blocksText(ledger.posts('UEN')[0]!)).toContain(TEXTS.en);
    expect(blocksText(ledger.posts('UFR')[0]!)).toContain(TEXTS.fr);
    expect(blocksText(ledger.posts('UAR')[0]!)).toContain(TEXTS.ar);
    const [sent] = await store!.announcements(5);
    expect(sent).toMatchObject({ status: 'sent', sent: 3, unreachable: 0 });
  }, 90_000);
});
