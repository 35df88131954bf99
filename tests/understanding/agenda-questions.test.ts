// Issue 15, "questions work too": my agenda and reminders asked in the participant's own words, in English, French
// and Arabic, with the end effect read back through the commands: what was added is in `my agenda`, what was
// removed is gone, and `remind` reports the minutes asked for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBot, type TestBot } from '../helpers/bot.js';

const NOW = '2021-05-04T14:00:00Z'; // Tuesday 4 May 2021, 10:00 in Washington

/** French typography puts no-break spaces before : and inside « »; the tests read plain spaces. */
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

let bot: TestBot;
let caller: { id: string };
let n = 0;
const say = async (text: string): Promise<string> => spaced(await bot.say(text, caller, { conversational: true }));

beforeEach(async () => {
  bot = await testBot(NOW);
  caller = { id: `slack:T1:UQ${++n}` };
});
afterEach(() => bot.store.close());

describe('my agenda, asked in English', () => {
  it('adds the one session a question names, lists it in my agenda, and removes it again', async () => {
    expect(await say('add the digital payments session to my agenda')).toContain('Added to your agenda: Digital payments for social protection');
    expect(await say('star the session on disability')).toContain('Added to your agenda: Social protection and jobs for persons with disabilities');
    expect(await say('save w2-d3-a')).toContain('Added to your agenda: Financial access and mobile coverage');
    const agenda = await say('my agenda');
    for (const id of ['w2-d2-b', 'w4-d3-a', 'w2-d3-a']) expect(agenda).toContain(`(${id})`);
    expect(await say("what's on my agenda?")).toContain('(w2-d2-b)');
    expect(await say('remove the digital payments session from my agenda')).toContain('Removed from your agenda: Digital payments for social protection');
    const after = await say('show my sessions');
    expect(after).not.toContain('(w2-d2-b)');
    expect(after).toContain('(w4-d3-a)');
  });

  it('asks which one when several sessions match, each with its star, and stars the one pressed', async () => {
    const reply = await say('add the cash transfers session to my agenda');
    expect(reply).toContain('which one should I add to your agenda?');
    expect(reply).toContain('[☆ Star: star w1-d4-b]');
    expect(reply).toContain('[☆ Star: star w3-d2-a]');
    expect(await say('my agenda')).toContain('Your agenda is empty');
    await say('star w1-d4-b');
    // Removing "the cash transfers session" now means the one starred.
    expect(await say('remove the cash transfers session from my agenda')).toContain('Removed from your agenda: Extending social assistance beyond the poorest');
    expect(await say('remove the cash transfers session from my agenda')).toContain('None of the sessions about “cash transfers” is in your agenda.');
  });

  it('sets, shows and stops reminders', async () => {
    expect(await say('remind me 15 minutes before')).toContain('15 minutes before each session you starred');
    expect(await say('remind')).toContain('Reminders come 15 minutes before');
    await say('remind me 5 min before each session');
    expect(await say('remind')).toContain('Reminders come 5 minutes before');
    await say('no reminders please');
    expect(await say('remind')).toContain('No reminders');
    await say('remind me half an hour before');
    expect(await say('remind')).toContain('Reminders come 30 minutes before');
    await say('stop reminding me');
    expect(await say('remind')).toContain('No reminders');
  });

  it('keeps other questions: the agenda of a day, add with no session, a length that is not one', async () => {
    expect(await say("what's on the agenda today?")).toContain('Tuesday, 4 May 2021');
    expect(await say('my agenda')).toContain('Your agenda is empty');
    expect(await say('remind me 2000 minutes before')).toContain('is not a number of minutes');
    expect(await say('remind')).toContain('Reminders come 10 minutes before');
  });
});

describe('mon programme, en français', () => {
  it('ajoute, liste, retire et règle les rappels', async () => {
    expect(await say('ajoute la séance sur le handicap à mon programme')).toContain('Séance ajoutée à votre agenda : Protection sociale et emploi des personnes handicapées');
    expect(await say('mets la séance sur les paiements numériques dans mes favoris')).toContain('Séance ajoutée à votre agenda : Paiements numériques');
    const agenda = await say("qu'y a-t-il dans mon programme ?");
    expect(agenda).toContain('(w4-d3-a)');
    expect(agenda).toContain('(w2-d2-b)');
    expect(await say('retire la séance sur le handicap de mon programme')).toContain('Séance retirée de votre agenda');
    expect(await say('mes séances')).not.toContain('(w4-d3-a)');
    await say('rappelle-moi 15 minutes avant');
    expect(await say('rappel')).toContain('Vous recevez un rappel 15 minutes avant');
    await say('pas de rappels');
    expect(await say('rappel')).toContain('Rappels désactivés');
    // The minutes and the session in one question: the session starred, the lead set, both said.
    const both = await say('rappelle-moi 20 minutes avant la séance sur le handicap');
    expect(both).toContain('Séance ajoutée à votre agenda : Protection sociale et emploi des personnes handicapées');
    expect(both).toContain('vous recevrez un rappel 20 minutes avant chaque séance');
    expect(await say('mon programme')).toContain('(w4-d3-a)');
  });
});

describe('جدولي، بالعربية', () => {
  it('يضيف ويعرض ويزيل ويضبط التذكير', async () => {
    expect(await say('أضف جلسة المدفوعات الرقمية إلى جدولي')).toContain('أُضيفت إلى جدولك: المدفوعات الرقمية في الحماية الاجتماعية');
    expect(await say('ما في جدولي؟')).toContain('(w2-d2-b)');
    expect(await say('أزل جلسة المدفوعات الرقمية من جدولي')).toContain('أُزيلت من جدولك');
    expect(await say('جلساتي')).toContain('جدولك فارغ');
    // Arabic-Indic digits are western digits by the time the reader sees them.
    await say('ذكرني قبل ١٥ دقيقة');
    expect(await say('تذكير')).toContain('قبل 15 دقيقة من بدء كل جلسة');
    await say('أوقف التذكير');
    expect(await say('تذكير')).toContain('أُوقفت التذكيرات');
  });
});
