// Every command in the three languages, read as conversations with the core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../src/core/context.js';
import { testBot, type TestBot } from './helpers/bot.js';

let bot: TestBot;
// Each line from a new participant: a conversation keeps its language (issue 11), and these lines each check one
// command in one language. Tests of what a conversation remembers name their caller.
let participants = 0;
const say = (text: string, caller?: Partial<Caller>) => bot.say(text, caller ?? { id: `test:line-${++participants}` });
const replyTo = (text: string, caller?: Partial<Caller>) => bot.reply(text, caller ?? { id: `test:line-${++participants}` });
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z'); // Tuesday 4 May 2021, 10:00 in Washington
});
afterAll(() => bot.store.close());

describe('today, tomorrow, agenda', () => {
  it('lists 4 May under week 1 in English, Arabic and French', async () => {
    const en = await say('/ckex today');
    expect(en).toContain('Tuesday, 4 May 2021');
    expect(en).toContain('Week 1: Scaling up SPJ programs to reach more vulnerable households');
    expect(en).toMatch(/08:30–10:00 .*\(w1-d2-a\)/);
    expect(en).toMatch(/10:30–12:00 .*\(w1-d2-b\)/);
    expect(en).toContain('Times are Washington time (UTC-4)');

    const ar = await say('اليوم');
    expect(ar).toContain('الثلاثاء، 4 مايو/أيار 2021');
    expect(ar).toContain('الأسبوع 1');
    expect(ar).toContain('w1-d2-a');
    expect(ar).toContain('المواعيد بتوقيت');

    const fr = await say("aujourd'hui");
    expect(fr).toContain('Mardi 4 mai 2021');
    expect(fr).toContain('Semaine 1');
    expect(fr).toContain('w1-d2-b');
  });

  it('accepts ckex and /ckex prefixes, typographic apostrophes and upper case', async () => {
    for (const text of ['ckex today', 'CKEX TODAY', 'aujourd’hui', '/ckex اليوم']) {
      expect(await say(text)).toContain('w1-d2-a');
    }
  });

  it('shows tomorrow in three languages', async () => {
    expect(await say('tomorrow')).toContain('Wednesday, 5 May 2021');
    expect(await say('demain')).toContain('Mercredi 5 mai 2021');
    expect(await say('غدا')).toContain('الأربعاء، 5 مايو/أيار 2021');
  });

  it('reads dates in several forms and languages', async () => {
    for (const text of ['agenda 2021-05-12', 'agenda 12 May', 'agenda May 12', 'programme 12 mai', 'البرنامج 12 مايو', 'agenda 12/5', 'البرنامج ١٢ مايو']) {
      expect(await say(text), text).toContain('w2-d3-a');
    }
  });

  it('shows times in the caller’s own zone, named', async () => {
    const text = await say('today', { tz: 'Africa/Cairo' });
    expect(text).toContain('14:30–16:00');
    expect(text).toContain('Cairo time (UTC+2)');
    const tokyo = await say('agenda 4 May', { tz: 'Asia/Tokyo' });
    expect(tokyo).toContain('21:30–23:00');
    expect(tokyo).toContain('23:30–01:00');
  });

  it('answers on a weekend with the next event day', async () => {
    const text = await say('agenda 8 May');
    expect(text).toContain('Saturday, 8 May 2021 is a weekend');
    expect(text).toContain('Monday, 10 May 2021');
    expect(text).toContain('w2-d1-a');
    expect(await say('programme 9 mai')).toContain('week-end');
    expect(await say('البرنامج 9 مايو')).toContain('عطلة نهاية الأسبوع');
  });

  it('answers before and after the event with its first or last day', async () => {
    const before = await say('agenda 2021-04-20');
    expect(before).toContain('opens on Monday, 3 May 2021');
    expect(before).toContain('w1-d1-a');
    const after = await say('agenda 2021-06-01');
    expect(after).toContain('ended on Wednesday, 26 May 2021');
    expect(after).toContain('w4-d3-b');
    const edgeFirst = await say('agenda 3 May');
    expect(edgeFirst).not.toContain('opens on');
    const edgeLast = await say('agenda 26 May');
    expect(edgeLast).not.toContain('ended on');
    expect(edgeLast).toContain('w4-d3-a');
  });

  it('follows the clock: today before and after the event', async () => {
    const early = await testBot('2021-01-10T12:00:00Z');
    expect(await early.say('today')).toContain('opens on Monday, 3 May 2021');
    await early.store.close();
    const late = await testBot('2026-11-25T12:00:00Z');
    expect(await late.say('today')).toContain('ended on');
    expect(await late.say('now')).toContain('The exchange is over');
    await late.store.close();
  });

  it('offers previous and next day buttons that skip weekends', async () => {
    const reply = await replyTo('agenda 7 May');
    const buttons = reply.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => b.command)).toEqual(expect.arrayContaining(['agenda 2021-05-06', 'agenda 2021-05-10', 'week 1', 'session w1-d5-a']));
    expect(reply.shareable).toBe(true);
  });
});

describe('now / next', () => {
  it('shows the running session and the next one', async () => {
    bot.clock.set('2021-05-04T13:00:00Z'); // 09:00 in Washington
    const en = await say('now');
    expect(en).toContain('Running now');
    expect(en).toContain('w1-d2-a');
    expect(en).toContain('w1-d2-b');
    expect(await say('الآن')).toContain('منعقدة الآن');
    expect(await say('maintenant')).toContain('En cours');
    expect(await say('next')).toContain('in 1 hour');
    bot.clock.set('2021-05-04T14:00:00Z');
  });
});

describe('week', () => {
  it('shows week 2, Tools and innovations, in three languages', async () => {
    const en = await say('week 2');
    expect(en).toContain('Week 2: Tools and innovations');
    expect(en).toContain('w2-d1-a');
    expect(en).toContain('w2-d5-b');
    expect(await say('semaine 2')).toContain('Semaine 2');
    expect(await say('الأسبوع 2')).toContain('الأسبوع 2');
    expect(await say('الأسبوع ٢')).toContain('w2-d3-a');
  });

  it('shows the current week without a number, and special topics in week 4', async () => {
    expect(await say('week')).toContain('Week 1:');
    const four = await say('week 4');
    expect(four).toContain('special topic 1');
    expect(four).toContain('special topic 6');
  });

  it('rejects weeks that do not exist, saying what is accepted', async () => {
    expect(await say('week 9')).toContain('Use: week [1-4]');
    expect(await say('semaine zéro')).toContain('Utilisation : semaine [1-4]');
    expect(await say('الأسبوع 0')).toContain('الاستخدام: الأسبوع [1-4]');
  });
});

describe('session', () => {
  it('gives format, interpretation and a calendar file with a stable UID', async () => {
    const reply = await replyTo('session w2-d3-a');
    const text = await say('session w2-d3-a');
    expect(text).toContain('framing presentation');
    expect(text).toContain('simultaneous interpretation into Arabic and French');
    const ics = reply.files?.[0];
    expect(ics?.name).toBe('w2-d3-a.ics');
    expect(ics?.content).toContain('UID:w2-d3-a@ckex-2021.ckex-bot');
    expect(ics?.content).toContain('DTSTART:20210512T123000Z');
    expect(ics?.content).toContain('SEQUENCE:0');
  });

  it('speaks French and Arabic', async () => {
    expect(await say('séance w2-d3-a')).toContain('interprétation simultanée');
    expect(await say('جلسة W2-D3-A')).toContain('ترجمة فورية');
  });

  it('explains a wrong id', async () => {
    expect(await say('session nope')).toContain('for example session w1-d2-a');
    expect(await say('session w9-d9-z')).toContain('There is no session "w9-d9-z"');
    expect(await say('session')).toContain('Use: session <id>');
  });
});

describe('resources', () => {
  it.each(['resources ethiopia', 'resources إثيوبيا', 'resources Éthiopie', 'ressources éthiopie', 'موارد اثيوبيا'])('%s finds both Ethiopia items', async (query) => {
    const reply = await replyTo(query);
    const titles = reply.blocks.flatMap((b) => (b.type === 'section' ? [b.title] : []));
    expect(titles).toHaveLength(2);
  });

  it('stems: payment finds payments, paiement finds paiements', async () => {
    const en = await replyTo('resources group cash transfer');
    expect(en.blocks.filter((b) => b.type === 'section').length).toBeGreaterThanOrEqual(2);
    expect(await say('resources bangladesh')).toContain('Bangladesh');
  });

  it('lists the current week’s resources without words', async () => {
    const text = await say('resources');
    expect(text).toMatch(/Week 1 \(Scaling up.*\): \d+ resources?/);
  });

  it('says so when nothing matches', async () => {
    expect(await say('resources zzzzqqq')).toContain('Nothing in the library matches "zzzzqqq"');
    expect(await say('ressources zzzzqqq')).toContain('Rien dans la bibliothèque');
  });
});

describe('lang and language choice', () => {
  it('keeps the saved choice over the message language, across a restart', async () => {
    const caller = { id: 'test:lang' };
    expect(await say('lang ar', caller)).toContain('العربية');
    expect(await say('today', caller)).toContain('الأسبوع 1');
    expect(await say('langue français', caller)).toContain('français');
    expect(await say('today', caller)).toContain('Semaine 1');
    await bot.store.close();
    bot = await testBot('2021-05-04T14:00:00Z', { DATA_DIR: bot.dataDir });
    expect(await say('today', caller)).toContain('Semaine 1');
    await say('lang en', caller);
  });

  it('uses the platform locale when the message says nothing', async () => {
    expect(await say('week 2', { platformLocale: 'fr-FR' })).toContain('Semaine 2 : Outils et innovations');
    expect(await say('week 2', { platformLocale: 'ar-EG' })).toContain('الأسبوع 2');
    expect(await say('week 2', { platformLocale: 'de-DE' })).toContain('Week 2: Tools and innovations');
  });

  it('shows the current language with buttons, and refuses unknown ones', async () => {
    const reply = await replyTo('lang');
    expect(reply.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.command) : []))).toEqual(['lang en', 'lang fr', 'lang ar']);
    expect(await say('lang klingon')).toContain('is not a language I speak');
  });
});

describe('help and unknown words', () => {
  it('is generated from the command table in each language', async () => {
    const en = await say('help');
    for (const word of ['today', 'tomorrow', 'now', 'week [1-4]', 'agenda [date]', 'session <id>', 'resources [words]', 'lang [ar|fr|en]']) expect(en).toContain(word);
    expect(await say('aide')).toContain('semaine [1-4]');
    expect(await say('مساعدة')).toContain('الأسبوع [1-4]');
    expect(await say('')).toContain('what you can ask');
  });

  it('suggests the nearest command', async () => {
    expect(await say('todya')).toContain('Did you mean today?');
    expect(await say('semiane 2')).toContain('Vouliez-vous dire semaine');
    expect(await say('xyzzy')).toContain('I did not understand “xyzzy”');
  });
});

describe('help lists what the reader can use', () => {
  it('keeps organisers’, moderators’ and focal points’ commands out of a participant’s help', async () => {
    const roles = await testBot('2021-05-04T14:00:00Z', { CKEX_ADMINS: 'UORG', CKEX_FOCAL_POINTS: 'UFOCAL:MENA' });
    try {
      const participant = await roles.say('help', { id: 'slack:T1:UPART', adminIds: ['UPART'] });
      const focal = await roles.say('help', { id: 'slack:T1:UFOCAL', adminIds: ['UFOCAL'] });
      const organiser = await roles.say('help', { id: 'slack:T1:UORG', adminIds: ['UORG'] });
      for (const word of ['nominate', 'my nominations', 'answered', 'queue', 'registrations']) expect(participant).not.toMatch(new RegExp(`^${word}\\b`, 'm'));
      expect(participant).toMatch(/^ask\b/m);
      expect(focal).toMatch(/^nominate\b/m);
      expect(focal).toMatch(/^my nominations\b/m);
      expect(focal).not.toMatch(/^answered\b/m);
      for (const word of ['nominate', 'answered', 'queue', 'registrations', 'ask']) expect(organiser).toMatch(new RegExp(`^${word}\\b`, 'm'));
    } finally {
      await roles.store.close();
    }
  });
});
