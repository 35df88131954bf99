// The store out of reach, in process and in three languages: what can be answered from memory is, in the message's
// own language; what must be saved says it could not be, and nothing is confirmed; the replay check falls back to
// memory; the outage is seen once and the store is found again by the probe.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncStore } from '../src/core/store/async-store.js';
import { StoreUnavailableError } from '../src/core/store/errors.js';
import { StoreHealth } from '../src/store/health.js';
import { resilient } from '../src/store/resilient.js';
import { eventually } from './helpers/instances.js';
import { testBot, type TestBot } from './helpers/bot.js';

let bot: TestBot;
let down: boolean;
let store: AsyncStore;
let health: StoreHealth;

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/** The bot's own store, failing every call as a stopped database does while `down`. */
function failing(inner: AsyncStore): AsyncStore {
  return new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (down ? Promise.reject(refused()) : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}

beforeEach(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
  down = false;
  const inner = failing(bot.core.store);
  health = new StoreHealth({ probe: () => inner.ping() });
  store = resilient(inner, health);
  bot.core.store = store;
});
afterEach(async () => {
  down = false;
  await store.close();
});

const FR = { id: 'slack:T1:UFR' };
const AR = { id: 'slack:T1:UAR' };

describe('the store out of reach', () => {
  it('answers the agenda and questions from memory, in the language of the message', async () => {
    down = true;
    expect(await bot.say("qu'y a-t-il aujourd'hui ?", FR, { conversational: true })).toContain('Mardi 4 mai 2021');
    expect(await bot.say('week 2', { id: 'slack:T1:UEN' })).toMatch(/Week 2/);
    expect(await bot.say('ماذا يوجد اليوم؟', AR, { conversational: true })).toContain('الثلاثاء');
    expect(health.state).toBe('unreachable');
  });

  it('says in each language what could not be saved, and saves nothing', async () => {
    down = true;
    expect(await bot.say('star w1-d2-a', { id: 'slack:T1:UEN' })).toContain('I could not save that just now');
    expect(await bot.say('ajoute w1-d2-a à mon programme', FR)).toContain('Je n’ai pas pu l’enregistrer');
    expect(await bot.say('أضف w1-d2-a', AR)).toContain('تعذّر عليّ حفظ ذلك الآن');
    expect(await bot.say('mon inscription', FR)).toMatch(/Je ne peux pas consulter|Je n’ai pas pu/);
    down = false;
    await eventually(() => health.state === 'reachable', () => 'the probe did not find the store again', 5_000);
    expect(await store.starsOf('slack:T1:UEN')).toEqual([]);
    expect(await store.starsOf('slack:T1:UFR')).toEqual([]);
    // Back: the same words now save.
    expect(await bot.say('star w1-d2-a', { id: 'slack:T1:UEN' })).not.toContain('could not save');
    expect((await store.starsOf('slack:T1:UEN')).map((s) => s.sessionId)).toEqual(['w1-d2-a']);
  });

  it('does not take a possible form answer for a question while the form cannot be read', async () => {
    expect(await bot.say('register', { id: 'slack:T1:UFORM' }, { conversational: true })).toMatch(/question 1 of 10/);
    down = true;
    const answer = await bot.say('Amina Diallo', { id: 'slack:T1:UFORM' }, { conversational: true });
    expect(answer).toContain('I could not save that just now');
    down = false;
    await eventually(() => health.state === 'reachable', () => 'the probe did not find the store again', 5_000);
    expect(await bot.say('Amina Diallo', { id: 'slack:T1:UFORM' }, { conversational: true })).toMatch(/question 2 of 10/);
  });

  it('refuses calls at once while it is out of reach, and remembers sightings in memory meanwhile', async () => {
    down = true;
    await expect(store.user('x')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.updateUser('x', { lang: 'fr' })).rejects.toMatchObject({ write: true });
    await expect(store.user('x')).rejects.toMatchObject({ write: false });
    expect(await store.firstSeen('slack-event', 'Ev1', 60)).toBe(true);
    expect(await store.firstSeen('slack-event', 'Ev1', 60)).toBe(false);
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
