// Registration read as conversations: the form engine, the one-screen form, invitations, approval, me, organisers.
import { poster } from './helpers/poster.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submitRegistrationForm } from '../src/commands/registration-submit.js';
import { fileContent } from '../src/core/file-content.js';
import type { Reply } from '../src/core/reply.js';
import { replyToText } from '../src/core/reply.js';
import { STORE_FILE } from '../src/store/lowdb/index.js';
import { testBot, type TestBot } from './helpers/bot.js';
import { allRegistrations } from './helpers/registrations.js';

let bot: TestBot;
const sent: { to: string; text: string }[] = [];
beforeEach(async () => {
  bot = await testBot('2021-05-04T14:00:00Z', { CKEX_ADMINS: 'UORGANISER', CKEX_ORGANISERS_CHANNEL: 'slack:CORGANISERS' });
  sent.length = 0;
  bot.core.notifier.register('slack', poster({ // stands in for the Slack surface
    toUser: async (to, reply) => (sent.push({ to, text: replyToText(reply) }), true),
    toChannel: async (to, reply) => (sent.push({ to: `channel:${to}`, text: replyToText(reply) }), true),
  }));
});
afterEach(() => bot.store.close());

const PARTICIPANT: { id: string; verifiedEmail?: () => Promise<string | undefined> } = { id: 'slack:T1:amina' };
/** Amina as Slack knows her: her profile's email is the one she registers with. */
const VOUCHED = { id: 'slack:T1:amina', verifiedEmail: async () => 'amina@example.org' };
const ORGANISER = { id: 'slack:T1:UORGANISER', adminIds: ['UORGANISER'] };
/** A line typed in a direct conversation with the bot. */
const dm = (text: string, caller = PARTICIPANT) => bot.say(text, caller, { conversational: true });

const ANSWERS_EN = ['Amina Benali', 'amina@example.org', 'Ministry of Social Affairs', 'Morocco', 'policymaker', 'ministry', 'MENA', 'skip', 'french', 'yes'];

async function registerInEnglish(caller = PARTICIPANT, answers = ANSWERS_EN): Promise<string> {
  await dm('register', caller);
  for (const a of answers) await dm(a, caller);
  expect((await bot.store.form(caller.id))?.progress.review).toBe(true);
  return dm('confirm', caller);
}

describe('the conversational form', () => {
  it('asks one question at a time, numbered, and ends with a summary and a confirmation', async () => {
    const first = await dm('register');
    expect(first).toContain('question 1 of 10');
    expect(first).toContain('What is your full name?');
    expect(await dm('Amina Benali')).toContain('question 2 of 10');
    const done = await registerInEnglish({ id: 'slack:T1:other' });
    expect(done).toContain('Registration received');
    expect(done).toMatch(/Your registration id is R[0-9A-Z]{5}/);
    expect(done).toContain('To see today\'s sessions, type today');
    expect(await bot.store.form('slack:T1:other')).toBeUndefined();
  });

  it.each([
    ['name', 0, ['x', '12345', 'a'.repeat(200)], ['too short', 'use letters', 'too long']],
    ['email', 1, ['amina', 'amina@', 'a b@example.org'], ['not an email', 'not an email', 'not an email']],
    ['country', 3, ['Atlantis', 'zz'], ['do not know that country', 'do not know that country']],
    ['role', 4, ['astronaut', '9'], ['one of the numbers', 'one of the numbers']],
    ['consent', 9, ['maybe', 'no'], ['yes or no', 'needs your consent']],
  ])('refuses a bad %s with the reason, and asks again', async (_field, index, bad, reasons) => {
    await dm('register');
    for (const a of ANSWERS_EN.slice(0, index)) await dm(a);
    for (const [i, answer] of bad.entries()) {
      const reply = await dm(answer);
      expect(reply).toContain(reasons[i]!);
      expect(reply).toContain(`question ${index + 1} of 10`);
    }
  });

  it('offers choices for an ambiguous country and takes a number', async () => {
    await dm('register');
    for (const a of ANSWERS_EN.slice(0, 3)) await dm(a);
    const ambiguous = await dm('Congo');
    expect(ambiguous).toContain('Several countries match');
    expect(ambiguous).toContain('1. Democratic Republic of the Congo');
    expect(await dm('1')).toContain('question 5 of 10');
    expect((await bot.store.form(PARTICIPANT.id))?.progress.answers.country).toBe('CD');
  });

  it('matches Maroc, المغرب and Morocco to the same country', async () => {
    for (const name of ['Maroc', 'المغرب', 'Morocco', 'MA']) {
      await dm('register restart');
      for (const a of ANSWERS_EN.slice(0, 3)) await dm(a);
      await dm(name);
      expect((await bot.store.form(PARTICIPANT.id))?.progress.answers.country, name).toBe('MA');
    }
  });

  it('goes back, skips only optional questions, and cancels leaving nothing', async () => {
    await dm('register');
    await dm('Amina');
    expect(await dm('back')).toContain('question 1 of 10');
    expect(await dm('skip')).toContain('cannot be skipped');
    await dm('Amina Benali');
    const cancelled = await dm('cancel');
    expect(cancelled).toContain('Registration cancelled');
    expect(await bot.store.form(PARTICIPANT.id)).toBeUndefined();
    expect(await allRegistrations(bot.store)).toHaveLength(0);
  });

  it('edits a field from the summary and comes back to the summary', async () => {
    await dm('register');
    for (const a of ANSWERS_EN) await dm(a);
    const edit = await dm('edit country');
    expect(edit).toContain('question 4 of 10');
    expect(edit).toContain('Current answer: Morocco');
    const back = await dm('Tunisia');
    expect(back).toContain('Please check your answers');
    expect(back).toContain('Country: Tunisia');
    expect(await dm('edit pays')).toContain('question 4 of 10');
  });

  it('answers other commands asked midway, then asks the question again; names that start with a command word are answers', async () => {
    await dm('register');
    await dm('Amina Benali');
    await dm('amina@example.org');
    const midway = await dm('today');
    expect(midway).toContain('w1-d2-a');
    expect(midway).toContain('question 3 of 10');
    expect(await dm('week 2')).toContain('Tools and innovations');
    const organisation = await dm('Help Age International');
    expect(organisation).toContain('question 4 of 10');
    expect((await bot.store.form(PARTICIPANT.id))?.progress.answers.organisation).toBe('Help Age International');
  });

  it('resumes where it stopped after a restart, and reminds instead of capturing messages days later', async () => {
    await dm('register');
    await dm('Amina Benali');
    await bot.store.close();
    bot = await testBot('2021-05-04T14:05:00Z', { DATA_DIR: bot.dataDir });
    expect(await dm('amina@example.org')).toContain('question 3 of 10');
    bot.clock.set('2021-05-07T09:00:00Z');
    const later = await dm('today');
    expect(later).toContain('unfinished registration');
    const offer = await dm('register');
    expect(offer).toContain('Carry on where you stopped');
    expect(await dm('register resume')).toContain('question 3 of 10');
  });

  it('does not capture messages outside direct conversations', async () => {
    await dm('register');
    expect(await bot.say('today', PARTICIPANT)).toContain('w1-d2-a');
    const inChannel = await bot.reply('register', PARTICIPANT, { shared: true });
    expect(inChannel.form?.fields.map((f) => f.id)).toEqual(['name', 'email', 'organisation', 'country', 'role', 'institution', 'region', 'regionConfirm', 'nominatedBy', 'interpretation', 'consent']);
  });

  it('done when: answered in Arabic with a wrong email fixed by going back, confirmed, seen with me, found in the CSV', async () => {
    const ar = (t: string) => dm(t, { id: 'slack:T1:layla' });
    expect(await ar('تسجيل')).toContain('السؤال 1 من 10');
    await ar('ليلى حداد');
    expect(await ar('layla-at-example.org')).toContain('السؤال 2 من 10');
    await ar('layla@example.org');
    await ar('وزارة الشؤون الاجتماعية');
    expect(await ar('رجوع')).toContain('السؤال 3 من 10');
    expect(await ar('رجوع')).toContain('السؤال 2 من 10');
    await ar('layla.haddad@example.org');
    await ar('وزارة الشؤون الاجتماعية');
    await ar('الأردن');
    await ar('1');
    expect(await ar('1')).toContain('الشرق الأوسط وشمال أفريقيا (MENA)');
    await ar('نعم');
    await ar('تخطي');
    await ar('العربية');
    const review = await ar('نعم');
    expect(review).toContain('layla.haddad@example.org');
    expect(review).toContain('الأردن');
    const done = await ar('تأكيد');
    expect(done).toContain('R');
    const me = await ar('بياناتي');
    expect(me).toContain('ليلى حداد');
    expect(me).toContain('بانتظار الاعتماد');
    const exported = await bot.reply('export', ORGANISER);
    const csv = exported.files?.[0];
    expect(csv?.mime).toBe('text/csv');
    expect(csv?.private).toBe(true);
    expect(csv?.source).toBe('registrations-csv'); // made when handed over, a page at a time
    const content = await fileContent(bot.core, csv!);
    expect(content).toContain('layla.haddad@example.org');
    expect(content).toContain('ليلى حداد');
    expect(content).toContain(',JO,Jordan,');
  });
});

describe('after submitting', () => {
  it('keeps one registration per email: registering again updates it', async () => {
    await registerInEnglish();
    const firstId = (await allRegistrations(bot.store))[0]!.id;
    const again = await dm('register');
    expect(again).toContain(`already registered (${firstId})`);
    await dm('edit organisation');
    await dm('Ministry of Labour');
    const done = await dm('confirm');
    expect(done).toContain(`Your registration ${firstId} is updated`);
    expect(await allRegistrations(bot.store)).toHaveLength(1);
    expect((await allRegistrations(bot.store))[0]!.organisation).toBe('Ministry of Labour');
  });

  it('confirms an invited email at once when the platform vouches for it; tells the organisers about the others', async () => {
    await bot.say('invites amina@example.org, other@example.org', ORGANISER);
    expect(await registerInEnglish(VOUCHED)).toContain('You are registered');
    expect((await allRegistrations(bot.store))[0]!.status).toBe('confirmed');
    expect(sent).toHaveLength(0);
    await registerInEnglish({ id: 'slack:T1:omar' }, ['Omar Said', 'omar@example.org', ...ANSWERS_EN.slice(2)]);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent.map((s) => s.to)).toEqual(['channel:CORGANISERS']);
    expect(sent[0]!.text).toContain('awaits approval');
    expect(sent[0]!.text).toContain('[Approve]');
  });

  it('approve and decline change the status and tell the participant in their language', async () => {
    await dm('lang fr');
    await registerInEnglish();
    const id = (await allRegistrations(bot.store))[0]!.id;
    sent.length = 0;
    expect(await bot.say(`approve ${id.toLowerCase()}`, ORGANISER)).toContain('the participant has been told');
    expect((await bot.store.registration(id))?.status).toBe('confirmed');
    expect(sent[0]).toMatchObject({ to: PARTICIPANT.id });
    expect(sent[0]!.text).toContain('est confirmée');
    expect(await bot.say(`approve ${id}`, ORGANISER)).toContain('already');
    // Overturning an approval asks first; only the yes declines it.
    expect(await bot.say(`decline ${id}`, ORGANISER)).toContain('Change it to Declined?');
    expect((await bot.store.registration(id))?.status).toBe('confirmed');
    await bot.say('yes', ORGANISER);
    expect((await bot.store.registration(id))?.status).toBe('declined');
    expect(await bot.say('approve RZZZZZ', ORGANISER)).toContain('There is no registration RZZZZZ');
    expect(await bot.say('approve nope', ORGANISER)).toContain('is not a registration id');
  });

  it('refuses organiser commands to everyone else, politely, leaking nothing', async () => {
    await registerInEnglish();
    const id = (await allRegistrations(bot.store))[0]!.id;
    for (const command of ['registrations', 'export', `approve ${id}`, `decline ${id}`, 'invites x@y.org']) {
      const reply = await bot.reply(command, { id: 'slack:T1:someone' });
      expect(replyToText(reply)).toBe('Sorry, only the organisers can use this command.');
      expect(reply.files).toBeUndefined();
    }
    expect(await bot.say('help', { id: 'slack:T1:someone' })).not.toContain('registrations');
    expect(await bot.say('help', ORGANISER)).toContain('registrations');
  });

  it('counts registrations by status, region, country and interpretation', async () => {
    await registerInEnglish();
    await registerInEnglish({ id: 'slack:T1:omar' }, ['Omar Said', 'omar@example.org', 'Agency', 'Egypt', '1', '2', 'MENA', 'skip', 'arabic', 'yes']);
    const stats = await bot.say('registrations', ORGANISER);
    expect(stats).toContain('2 registrations');
    expect(stats).toContain('Awaiting approval: 2');
    expect(stats).toContain('Middle East and North Africa (MENA): 2');
    expect(stats).toContain('Egypt: 1');
    expect(stats).toContain('Arabic: 1');
  });
});

describe('me', () => {
  it('shows, withdraws and exports my registration', async () => {
    expect(await dm('me')).toContain('not registered yet');
    await registerInEnglish();
    expect(await dm('me')).toContain('Amina Benali');
    // Withdrawing asks first (issue 11): nothing changes until a yes.
    expect(await dm('me cancel')).toContain('Withdraw your registration');
    expect((await allRegistrations(bot.store))[0]!.status).not.toBe('withdrawn');
    expect(await dm('yes')).toContain('is withdrawn');
    expect((await allRegistrations(bot.store))[0]!.status).toBe('withdrawn');
    const exported = await bot.reply('me export', PARTICIPANT);
    const data = JSON.parse(exported.files![0]!.content);
    expect(data.registrations[0].email).toBe('amina@example.org');
    expect(exported.files![0]!.private).toBe(true);
    expect(await dm('me dance')).toContain('is not something I can do here');
  });

  it('me delete asks, then leaves no trace in the store', async () => {
    await dm('lang fr');
    await registerInEnglish();
    await dm('register');
    expect(await dm('me delete')).toContain('Voulez-vous vraiment');
    await bot.store.saveConversation({ id: 'conv-amina', platform: 'teams', scope: 'personal', userId: PARTICIPANT.id, reference: {} });
    const erased = await dm('me delete confirm');
    expect(erased).toContain('effacé');
    expect(erased).not.toContain('question');
    const file = readFileSync(join(bot.dataDir, STORE_FILE), 'utf8');
    for (const trace of ['Amina', 'amina@example.org', PARTICIPANT.id, 'conv-amina']) expect(file).not.toContain(trace);
  });
});

describe('the one-screen form', () => {
  const ctx = () => bot.dispatcher.context({ id: 'slack:T1:form' }, '', { lang: 'fr' });
  const good = { name: 'Jean Dupont', email: 'JEAN@example.org', organisation: 'Ministère', country: 'Sénégal', role: 'practitioner', institution: 'agency', region: '', nominatedBy: '', interpretation: 'fr', consent: 'yes' };

  it('returns every error on its field, in the language of the form, and keeps the values', async () => {
    const outcome = await submitRegistrationForm(await ctx(), { ...good, email: 'jean', country: 'Congo', consent: '' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(Object.keys(outcome.errors).sort()).toEqual(['consent', 'country', 'email']);
    expect(outcome.errors.country).toContain('République démocratique du Congo');
    expect(outcome.view.fields.find((f) => f.id === 'name')?.value).toBe('Jean Dupont');
    expect(await allRegistrations(bot.store)).toHaveLength(0);
  });

  it('saves a valid submission and confirms it', async () => {
    const outcome = await submitRegistrationForm(await ctx(), good);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(replyToText(outcome.reply as Reply)).toContain('Inscription reçue');
    expect(await bot.store.registrationByEmail('jean@example.org')).toMatchObject({ country: 'SN', region: 'AFW', lang: 'fr', status: 'pending' });
  });
});
