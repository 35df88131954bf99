// Two quick messages of one registration form landing on two instances of the bot on one PostgreSQL database: the
// form is saved over the version each message read, so the second is read again over the first's answer instead
// of overwriting it (issue 14). Two whole cores on one database stand for the two instances.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { replyToText } from '../src/core/reply.js';
import { testBot, type TestBot } from './helpers/bot.js';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';

const USER = { id: 'slack:T1:UQUICK' };
let database: TestDatabase;
let a: TestBot;
let b: TestBot;

beforeAll(async () => {
  database = await testDatabase();
  [a, b] = await Promise.all([testBot('2021-05-04T12:00:00Z', { DATABASE_URL: database.url }), testBot('2021-05-04T12:00:00Z', { DATABASE_URL: database.url })]);
}, 60_000);

afterAll(async () => {
  await a?.store.close();
  await b?.store.close();
  await database?.drop();
});

const say = async (bot: TestBot, text: string) => stripBidi(replyToText(await bot.dispatcher.handle(USER, text, { conversational: true })));

describe('a form answered on two instances at once', () => {
  it('keeps both messages in the order they were saved, never one over the other', async () => {
    expect(await say(a, 'register')).toContain('question 1 of 10');
    await say(b, 'Amina Diallo');
    expect(await say(a, 'amina@example.org')).toContain('question 3 of 10'); // organisation
    // A reads the form at the organisation question and stops just before saving; B answers the same question and
    // saves; then A saves. No timing: each step waits for the one before.
    const save = a.core.store.saveForm.bind(a.core.store);
    let reached!: () => void;
    let release!: () => void;
    const aAtSave = new Promise<void>((resolve) => (reached = resolve));
    const bSaved = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    a.core.store.saveForm = async (...args) => {
      if (!held) {
        held = true;
        reached();
        await bSaved;
      }
      return save(...args);
    };
    const fromAPromise = say(a, 'Ministry of Labour');
    await aAtSave;
    const fromB = await say(b, 'Senegal');
    release();
    const fromA = await fromAPromise;
    a.core.store.saveForm = save;
    // B saved first: "Senegal" is the organisation. A's message, read again over it, now answers the country question.
    expect(fromB).toContain('question 4 of 10');
    const form = (await b.store.form(USER.id))!.progress;
    expect(form.answers).toMatchObject({ name: 'Amina Diallo', email: 'amina@example.org', organisation: 'Senegal' });
    // "Ministry of Labour" is no country: the country is asked again, and nothing is overwritten.
    expect(fromA).toContain('I do not know that country.');
    expect(fromA).toContain('question 4 of 10');
    expect(form.answers.country).toBeUndefined();
  });
});

describe('a registration updated by its owner while an organiser decides it, on two instances', () => {
  it('keeps the decision: the owner’s save finds it moved, reads it again, and keeps the status decided', async () => {
    const { submitRegistration } = await import('../src/core/forms/registration.js');
    const owner = { id: 'slack:T1:UOWNER' };
    const answers = { name: 'Omar Haddad', email: 'omar@example.org', organisation: 'Ministry', country: 'JO', role: 'practitioner', institution: 'ministry', region: 'MENA', nominatedBy: '', interpretation: 'ar', consent: 'yes' };
    const first = await submitRegistration(a.core.store, owner, 'en', answers, '2021-05-04T12:00:00.000Z');
    expect(first).toMatchObject({ outcome: 'saved', registration: { status: 'pending' } });
    const id = first.registration.id;
    // The owner's instance reads the registration; before it saves, an organiser approves it on the other one.
    const save = a.core.store.saveRegistration.bind(a.core.store);
    let approvedMeanwhile = false;
    a.core.store.saveRegistration = async (r, expected) => {
      if (!approvedMeanwhile) {
        approvedMeanwhile = true;
        await b.core.store.setRegistrationStatus(id, 'pending', 'confirmed', '2021-05-04T12:05:00.000Z');
      }
      return save(r, expected);
    };
    const updated = await submitRegistration(a.core.store, owner, 'en', { ...answers, organisation: 'Ministry of Labour' }, '2021-05-04T12:06:00.000Z');
    a.core.store.saveRegistration = save;
    expect(updated).toMatchObject({ outcome: 'saved', registration: { organisation: 'Ministry of Labour', status: 'confirmed' } });
    expect(await b.store.registration(id)).toMatchObject({ organisation: 'Ministry of Labour', status: 'confirmed' });
  });
});
