// After the event's last day registration is closed, in the three languages, with what to do instead; nothing
// personal is taken that retention would erase (a form, a one-screen submission, invitations, npm run invites).
// The console's first answer after the event says it is over, and no log line lands among its answers.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { submitRegistrationForm } from '../src/commands/registration-submit.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import type { Lang } from '../src/core/lang.js';
import { tempDir, testBot, type TestBot } from './helpers/bot.js';

const LAST_DAY_EVENING = '2021-05-26T22:00:00Z'; // 18:00 in Washington, still the last day
const DAY_AFTER = '2021-05-27T13:00:00Z';
const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const TRY = 'CKEX_NOW=2021-05-03T14:00:00Z';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.store.close();
  bot = undefined;
});
const dm = (b: TestBot, text: string, lang?: Lang) => b.say(text, { id: 'test:newcomer' }, { conversational: true, ...(lang ? { lang } : {}) });

describe('registration after the event', () => {
  it('is closed in English, French and Arabic, saying what to do; nothing is kept', async () => {
    bot = await testBot(DAY_AFTER);
    const en = await dm(bot, 'register');
    expect(en).toContain('Registration is closed');
    expect(en).toContain('The exchange ended on Wednesday, 26 May 2021, and registration closed with it');
    expect(en).toContain('ask the organisers about the next one');
    expect(en).toContain(TRY);
    const fr = await dm(bot, 'inscription', 'fr');
    expect(fr).toContain('Les inscriptions sont closes');
    expect(fr).toContain('renseignez-vous auprès de l’équipe organisatrice');
    expect(fr).toContain(TRY);
    const ar = await dm(bot, 'تسجيل', 'ar');
    expect(ar).toContain('التسجيل مغلق');
    expect(ar).toContain(TRY);
    expect(await dm(bot, 'register form')).toContain('Registration is closed');
    expect(await bot.store.personalDataCounts()).toMatchObject({ registrations: 0, forms: 0 });
  });

  it('a form left before the end is not offered to carry on after it', async () => {
    bot = await testBot(LAST_DAY_EVENING);
    await dm(bot, 'register');
    bot.clock.set(DAY_AFTER);
    expect(await dm(bot, 'today')).not.toContain('unfinished registration');
    expect(await dm(bot, 'register')).toContain('Registration is closed');
    expect(await bot.store.form('test:newcomer')).toBeUndefined();
  });

  it('is still open on the last day itself', async () => {
    bot = await testBot(LAST_DAY_EVENING);
    expect(await dm(bot, 'register')).toContain('question 1 of 10');
  });

  it('a form begun before the end takes no more answers after it, and is dropped', async () => {
    bot = await testBot('2021-05-27T03:50:00Z'); // 23:50 in Washington on the last day
    await dm(bot, 'register');
    expect(await dm(bot, 'Amina Odhiambo')).toContain('question 2 of 10');
    bot.clock.set('2021-05-27T04:05:00Z'); // 00:05 the day after, the form still open
    expect(await dm(bot, 'amina@example.org')).toContain('Registration is closed');
    expect(await bot.store.form('test:newcomer')).toBeUndefined();
    expect(await bot.store.personalDataCounts()).toMatchObject({ registrations: 0, forms: 0 });
  });

  it('the one-screen form (Slack modal, Teams card) submitted after the end records nothing', async () => {
    bot = await testBot(DAY_AFTER);
    const ctx = await bot.dispatcher.context({ id: 'slack:T1:UNEW' }, '', { lang: 'en' });
    const values = { name: 'Amina Diallo', email: 'amina@example.org', organisation: 'Ministry of Social Affairs', country: 'Senegal', role: 'policymaker', institution: 'ministry', interpretation: 'none', consent: 'yes' };
    const outcome = await submitRegistrationForm(ctx, values);
    expect(outcome.ok).toBe(true);
    expect(JSON.stringify(outcome.ok && outcome.reply)).toContain('Registration is closed');
    expect((await bot.store.personalDataCounts()).registrations).toBe(0);
  });

  it('invitations are refused, in chat and by npm run invites', async () => {
    bot = await testBot(DAY_AFTER, { CKEX_ADMINS: 'UORG' });
    expect(await bot.say('invites a@example.org', ORGANISER)).toContain('registration is closed: no invitations are added');
    expect(await bot.say('inviter a@example.org', ORGANISER, { lang: 'fr' })).toContain('les inscriptions sont closes');
    expect(await bot.store.inviteCount()).toBe(0);
    await bot.store.close();
    bot = undefined;
    const dir = tempDir();
    const file = join(dir, 'invited.csv');
    writeFileSync(file, 'email\na@example.org\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/invites.ts', 'import', file], { env: { ...process.env, DATA_DIR: dir, CKEX_NOW: DAY_AFTER, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`The event ended on 2021-05-26 and registration is closed: no invitations were added. To try the bot as during the event, set ${TRY}.`);
  });
});

describe('the console after the event', () => {
  // Without LOG_LEVEL, as a newcomer runs it (the tests' own setting is silent).
  const { LOG_LEVEL: _quiet, ...inherited } = process.env;
  const chat = (input: string, env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/app/chat.ts'], { input, encoding: 'utf8', timeout: 30_000, env: { ...inherited, NODE_ENV: 'production', LANG: 'C.UTF-8', ...env } });

  it('says first that the event is over and how to try it, and prints no log line among the answers', () => {
    const dataDir = tempDir();
    chat('register\nAmina Odhiambo\n', { DATA_DIR: dataDir, CKEX_NOW: '2021-05-04T14:00:00Z' }); // a form left half-filled
    // Past the retention day too: that form is erased at start-up, which the server logs.
    const { status, stdout, stderr } = chat('register\ntoday\n', { DATA_DIR: dataDir, CKEX_NOW: '2021-12-01T12:00:00Z' });
    expect(status).toBe(0);
    const out = stripBidi(stdout);
    expect(out.indexOf('The exchange ended on Wednesday, 26 May 2021: the days shown are past and registration is closed')).toBe(0);
    expect(out).toContain(`To try the bot as in May 2021, start it with ${TRY}.`);
    expect(out.split('the days shown are past').length).toBe(2); // the first answer only
    expect(stderr).not.toContain('retention');
    expect(stderr).not.toContain('"level"');
  });

  it('during the event says nothing of the kind', () => {
    const { stdout } = chat('today\n', { DATA_DIR: tempDir(), CKEX_NOW: '2021-05-04T14:00:00Z' });
    expect(stdout).not.toContain('the days shown are past');
  });
});
