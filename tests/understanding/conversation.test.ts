// Conversations as people have them (issue 11): the bot's last question answered with yes or no, a conversation
// that keeps its language, sentences not understood, and the registration form as people really fill it in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { testBot, type TestBot } from '../helpers/bot.js';

let bot: TestBot;
beforeEach(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterEach(() => bot.store.close());

let people = 0;
/** A new participant in a direct conversation with the bot. */
function participant(platformLocale?: string) {
  const caller = { id: `slack:T1:person-${++people}`, ...(platformLocale ? { platformLocale } : {}) };
  return {
    id: caller.id,
    say: (text: string) => bot.say(text, caller, { conversational: true }),
    reply: (text: string) => bot.reply(text, caller, { conversational: true }),
  };
}

const buttons = (reply: Reply) => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
const ANSWERS = ['Amina Benali', 'amina@example.org', 'Ministry of Social Affairs', 'Morocco', 'policymaker', 'ministry', 'MENA', 'skip', 'french', 'yes'];

async function registered(p: ReturnType<typeof participant>): Promise<void> {
  await p.say('register');
  for (const a of ANSWERS) await p.say(a);
  await p.say('confirm');
  expect(await bot.store.registrationsOf(p.id)).toHaveLength(1);
}

describe('yes and no answer the bot’s last question', () => {
  it.each([
    ['yes', 'en'],
    ['oui', 'fr'],
    ['نعم', 'ar'],
    ['yes please', 'en'],
    ['oui, je confirme', 'fr'],
  ])('"me delete" then "%s" erases everything', async (yes) => {
    const p = participant();
    await registered(p);
    expect(await p.say('me delete')).toContain('Are you sure?');
    await p.say(yes);
    expect(await bot.store.registrationsOf(p.id)).toHaveLength(0);
    expect(await bot.store.user(p.id)).toBeUndefined();
  });

  it('a no, another message first, or a yes ten minutes later erases nothing', async () => {
    const p = participant();
    await registered(p);
    await p.say('me delete');
    expect(await p.say('no')).toContain('nothing has changed');
    await p.say('me delete');
    await p.say('today');
    expect(await p.say('yes')).toContain('I have not asked you anything');
    await p.say('me delete');
    bot.clock.set('2021-05-04T14:11:00Z');
    await p.say('yes');
    expect(await bot.store.registrationsOf(p.id)).toHaveLength(1);
  });

  it('answers the question in the language it was asked in', async () => {
    const p = participant();
    await p.say('bonjour');
    expect(await p.say('me delete')).toContain('Voulez-vous vraiment');
    expect(await p.say('yes')).toContain('effacé');
  });

  it('withdrawing asks first; me and register then say it is withdrawn', async () => {
    const p = participant();
    await registered(p);
    const asked = await p.reply('me cancel');
    expect(buttons(asked).map((b) => b.command)).toEqual(['me cancel confirm']);
    expect((await bot.store.registrationsOf(p.id))[0]!.status).not.toBe('withdrawn');
    expect(await p.say('yes')).toContain('is withdrawn');
    const me = await p.reply('me');
    expect(buttons(me).map((b) => b.command)).toEqual(['register', 'me export', 'me delete']);
    expect(await p.say('me')).toContain('Withdrawn');
    expect(await p.say('me cancel')).toContain('already withdrawn');
    expect(await p.say('register')).toContain('was withdrawn');
  });
});

describe('a conversation keeps its language', () => {
  it('answers a French participant’s bare id, session id and English command words in French', async () => {
    const p = participant('en-US');
    await p.say('quelles sont les sessions de jeudi');
    expect(await p.say('w1-d2-a')).toContain('Identifiant');
    expect(await p.say('session w1-d2-a')).toContain('Intervenants');
    expect(await p.say('today')).toMatch(/mardi 4 mai 2021/i);
  });

  it('answers an Arabic participant’s "week 2" in Arabic, and follows a clear change of language', async () => {
    const p = participant();
    await p.say('مرحبا');
    expect(await p.say('week 2')).toContain('الأسبوع 2');
    expect(await p.say("what's on tomorrow?")).toContain('Wednesday, 5 May 2021');
    expect(await p.say('w1-d2-a')).toContain('Session id');
  });

  it('uses the remembered language before the platform locale, and the chosen one before both', async () => {
    const p = participant('ar-EG');
    await p.say('bonjour');
    expect(await p.say('week 2')).toContain('Semaine 2');
    await p.say('lang en');
    expect(await p.say('quelles sont les sessions de jeudi')).toContain('Thursday, 6 May 2021');
  });
});

describe('a sentence not understood', () => {
  it('says what was understood and offers two or three nearest actions, never "unknown command"', async () => {
    const p = participant();
    const blorp = await p.reply('blorp wibble');
    const text = await p.say('blorp wibble');
    expect(text).toContain('I did not understand “blorp wibble”');
    expect(text).not.toMatch(/unknown command|don't know the command/i);
    expect(buttons(blorp).length).toBeGreaterThanOrEqual(2);
    expect(buttons(blorp).length).toBeLessThanOrEqual(3);
    const when = await p.say('when is the plenary on quantum knitting?');
    expect(when).toContain('I found no session or library item about “plenary quantum knitting”');
    expect(when).toContain('I understood: when');
    expect(await p.say('todya')).toContain('Did you mean today?');
    expect(await participant().say('semiane 2')).toContain('Vouliez-vous dire semaine');
  });

  it('asks which date "5/12" means, and which session a partial id means', async () => {
    const p = participant();
    const date = await p.reply('5/12');
    expect(buttons(date).map((b) => b.command)).toEqual(['agenda 2021-05-12', 'agenda 2021-12-05']);
    const partial = await p.reply('w2-d3');
    expect(buttons(partial).map((b) => b.command)).toEqual(['session w2-d3-a', 'session w2-d3-b']);
  });
});

describe('the registration conversation, as people use it', () => {
  it('register resume works after a long pause, and the form captures answers again', async () => {
    const p = participant();
    await p.say('register');
    await p.say('Amina Benali');
    bot.clock.set('2021-05-07T09:00:00Z');
    expect(await p.say('amina@example.org')).toContain('unfinished registration');
    expect(await p.say('register resume')).toContain('question 2 of 10');
    expect(await p.say('amina@example.org')).toContain('question 3 of 10');
    expect((await bot.store.form(p.id))?.progress.answers.email).toBe('amina@example.org');
  });

  it('a yes, or the button’s label typed, carries on after the offer', async () => {
    for (const answer of ['yes', 'Carry on', 'continuer', 'متابعة']) {
      const p = participant();
      await p.say('register');
      await p.say('Amina Benali');
      bot.clock.set('2021-05-04T15:00:00Z');
      expect(await p.say('register')).toContain('Carry on where you stopped');
      expect(await p.say(answer), answer).toMatch(/question 2 of 10|السؤال 2 من 10|question 2 sur 10/);
      bot.clock.set('2021-05-04T14:00:00Z');
    }
  });

  it('تسجيل استمارة and تسجيل متابعة work', async () => {
    const p = participant();
    expect((await p.reply('تسجيل استمارة')).form?.id).toBe('registration');
    await p.say('تسجيل');
    await p.say('ليلى حداد');
    bot.clock.set('2021-05-05T14:00:00Z');
    expect(await p.say('تسجيل متابعة')).toContain('السؤال 2 من 10');
  });

  it('typed labels of the form’s buttons steer it: "Edit: Country", "Skip.", "Confirm"', async () => {
    const p = participant();
    await p.say('register');
    for (const a of ANSWERS.slice(0, 7)) await p.say(a);
    expect(await p.say('Skip.')).toContain('question 9 of 10');
    expect((await bot.store.form(p.id))?.progress.answers.nominatedBy).toBe('');
    await p.say('french');
    await p.say('yes');
    expect(await p.say('Edit: Country')).toContain('question 4 of 10');
    // A typed confirm while editing is the command: the answer stays as it was, and the form is submitted.
    expect(await p.say('confirm')).toContain('Registration received');
    expect((await bot.store.registrationsOf(p.id))[0]!.country).toBe('MA');
  });

  it('never stores "skip" as an answer, in any language or form', async () => {
    const p = participant();
    await p.say('register');
    expect(await p.say('skip!')).toContain('cannot be skipped');
    expect(await p.say('Passer')).toContain('cannot be skipped');
    expect((await bot.store.form(p.id))?.progress.answers.name).toBeUndefined();
    for (const a of ANSWERS.slice(0, 7)) await p.say(a);
    await p.say('personne');
    expect((await bot.store.form(p.id))?.progress.answers.nominatedBy).toBe('');
  });

  it('takes natural names for choices: no, non, لا for no interpretation', async () => {
    for (const no of ['no', 'non', 'لا', 'No interpretation', 'english is fine']) {
      const p = participant();
      await p.say('register');
      for (const a of ANSWERS.slice(0, 8)) await p.say(a);
      await p.say(no);
      expect((await bot.store.form(p.id))?.progress.answers.interpretation, no).toBe('none');
    }
  });

  it('answers a question asked midway, then asks the form’s question again', async () => {
    const p = participant();
    await p.say('register');
    await p.say('Amina Benali');
    await p.say('amina@example.org');
    const midway = await p.say("what's on thursday?");
    expect(midway).toContain('Thursday, 6 May 2021');
    expect(midway).toContain('question 3 of 10');
    await p.say('Help Age International');
    expect((await bot.store.form(p.id))?.progress.answers.organisation).toBe('Help Age International');
  });
});
