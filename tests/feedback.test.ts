// Feedback after each session through the core (issue 25): the prompt CKEX_FEEDBACK_MINUTES after a session ends to
// those who starred it, asked or voted in it, once across a restart, in their language, none to others or to who
// turned it off; answers typed and pressed, a second replacing the first; the organisers' report and export without
// authors; the form's window; `me export` and `me delete`. w1-d2-a runs 12:30–14:00Z on 4 May 2021.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { replyToText, type Reply } from '../src/core/reply.js';
import { validateField } from '../src/core/forms/validate.js';
import { FEEDBACK_FIELDS } from '../src/core/forms/feedback-fields.js';
import { submitFeedbackForm } from '../src/commands/feedback/index.js';
import { PostScheduler } from '../src/scheduled/scheduler.js';
import { poster } from './helpers/poster.js';
import { tempDir, testBot, type TestBot } from './helpers/bot.js';

const DURING = '2021-05-04T13:00:00Z';
const ENDED = '2021-05-04T14:06:00Z'; // six minutes after the end: the prompt (five minutes) is due

const amina = { id: 'slack:T1:UAMINA' }; // stars it
const jean = { id: 'teams:29:jean' }; // asks in French
const vote = { id: 'slack:T1:UVOTE' }; // votes
const sara = { id: 'slack:T1:USARA' }; // neither
const quiet = { id: 'slack:T1:UQUIET' }; // stars it, then `feedback off`
const org = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const dm = { conversational: true };

const spaced = (text: string): string => text.replace(/[ \u202f]/g, ' ');

let bot: TestBot;
let scheduler: PostScheduler;
let dataDir: string;
let dms: { user: string; text: string; reply: Reply }[];

async function boot(now: string): Promise<void> {
  bot = await testBot(now, { DATA_DIR: dataDir, CKEX_ADMINS: 'UORG' });
  scheduler = new PostScheduler(bot.core, bot.dispatcher, { pacing: { slack: { perKey: 1000, global: 1000 }, teams: { perKey: 1000, global: 1000 } } });
  const sender = poster({ toUser: (user, reply) => (dms.push({ user, text: spaced(stripBidi(replyToText(reply))), reply }), true) });
  bot.core.notifier.register('slack', sender);
  bot.core.notifier.register('teams', sender);
}

const say = async (text: string, caller: { id: string; adminIds?: string[] }, options = {}) => spaced(await bot.say(text, caller, options));

beforeEach(async () => {
  dms = [];
  dataDir = tempDir();
  await boot(DURING);
});

afterEach(async () => {
  await scheduler.stop();
  await bot.store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function audience(): Promise<void> {
  await say('star w1-d2-a', amina);
  await say('poser w1-d2-a Comment financer les travailleurs informels ?', jean);
  await say('star w1-d2-a', quiet);
  await say('avis non', quiet);
  await say('vote q1', vote);
}

describe('feedback prompts after a session', () => {
  it('prompts the one who starred it, the one who asked and the one who voted, once each across a restart, in their language; nobody else', async () => {
    await audience();
    await say('today', sara);
    bot.clock.set('2021-05-04T14:04:00Z');
    await scheduler.tick();
    expect(dms).toEqual([]); // four minutes after the end: not yet
    bot.clock.set(ENDED);
    await scheduler.tick();
    expect(dms.map((d) => d.user).sort()).toEqual([amina.id, vote.id, jean.id].sort());
    expect(dms.find((d) => d.user === amina.id)!.text).toContain('How useful was Reaching the “missing middle”?');
    const french = dms.find((d) => d.user === jean.id)!.text;
    expect(french).toContain('Quelle a été l’utilité de « Atteindre le « chaînon manquant » (en anglais : missing middle) » ?');
    expect(french).toContain('ne plus demander d’avis');
    await scheduler.stop();
    await bot.store.close();
    await boot('2021-05-04T14:20:00Z');
    await scheduler.tick();
    expect(dms).toHaveLength(3);
  });

  it('sends none after `me delete`, and none once a day has passed since the end', async () => {
    await audience();
    await say('me delete confirm', amina);
    bot.clock.set(ENDED);
    await scheduler.tick();
    expect(dms.map((d) => d.user)).not.toContain(amina.id);
    dms = [];
    bot.clock.set('2021-05-06T14:00:00Z');
    await scheduler.tick();
    expect(dms).toEqual([]);
  });
});

describe('feedback answers', () => {
  it('takes a typed rating after the prompt and a pressed one; a second answer replaces the first; the report shows 2 responses, the average and the bars', async () => {
    await audience();
    bot.clock.set(ENDED);
    await scheduler.tick();
    const typed = await say('quatre', jean, dm);
    expect(typed).toContain('votre note (4 · Très utile) est enregistrée');
    expect(await say('Les exemples du Sénégal, très concrets', jean, dm)).toContain('Qu’est-ce qui pourrait être amélioré');
    expect(await say('passer', jean, dm)).toContain('Merci pour votre avis');
    await say('feedback w1-d2-a 2', amina, dm);
    await say('feedback w1-d2-a 5', amina, dm);
    await say('More time for questions', amina, dm);
    expect(await bot.store.feedbackOn(['w1-d2-a'])).toHaveLength(2);
    const report = await say('feedback report w1-d2-a', org);
    expect(report).toContain('2 responses');
    expect(report).toContain('Average: 4.5 out of 5');
    expect(report).toMatch(/5 · Extremely useful {2}█{10} {2}1 · 50%/);
    expect(report).toMatch(/4 · Very useful {2}█{10} {2}1 · 50%/);
    expect(report).toContain('Les exemples du Sénégal, très concrets (in French)');
    expect(report).not.toMatch(/UAMINA|jean/);
    const bars = (await bot.reply('feedback report w1-d2-a', org)).blocks.find((b) => b.type === 'bars');
    expect(bars).toBeDefined();
  });

  it('reads a rating as typed: 4, quatre, ٤, very useful, « très utile », «مفيدة جدًا», "4 stars"; refuses 6 and "great"', () => {
    const rating = FEEDBACK_FIELDS[0];
    for (const typed of ['4', 'quatre', '٤', 'very useful', 'Very useful!', '« très utile »', 'مفيدة جدًا', '4 stars', '4/5']) expect(validateField(rating, typed, bot.core.i18n), typed).toEqual({ ok: true, value: '4' });
    for (const typed of ['6', '0', 'great', '']) expect(validateField(rating, typed, bot.core.i18n).ok, typed).toBe(false);
  });

  it('opens from the session’s start, not before; closes seven days after it ends with a clear word', async () => {
    bot.clock.set('2021-05-04T12:00:00Z');
    expect(await say('feedback w1-d2-a', amina, dm)).toContain('opens when it starts');
    bot.clock.set('2021-05-11T13:59:00Z');
    expect(await say('feedback w1-d2-a 3', amina, dm)).toContain('rating (3 · Useful) is saved');
    bot.clock.set('2021-05-11T14:01:00Z');
    expect(await say('feedback w1-d2-a 4', amina, dm)).toContain('Feedback on Reaching the “missing middle” is closed: answers could be given or changed until Tuesday, 11 May 2021');
    expect((await bot.store.feedbackFrom(amina.id, 'w1-d2-a'))?.rating).toBe(3);
  });

  it('takes the one-screen form: errors on their field and nothing saved, then saved with each comment’s language', async () => {
    const ctx = await bot.dispatcher.context(sara, '', { conversational: true, lang: 'ar' });
    const wrong = await submitFeedbackForm(ctx, 'w1-d2-a', { rating: '9', useful: 'x' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(Object.keys(wrong.errors).sort()).toEqual(['rating', 'useful']);
    expect(await bot.store.feedbackOn(['w1-d2-a'])).toEqual([]);
    const right = await submitFeedbackForm(ctx, 'w1-d2-a', { rating: '5', useful: 'The case studies from Kenya', better: 'وقت أطول للأسئلة' });
    expect(right.ok).toBe(true);
    expect(await bot.store.feedbackFrom(sara.id, 'w1-d2-a')).toMatchObject({ rating: 5, useful: { lang: 'en' }, better: { lang: 'ar' }, lang: 'ar' });
  });

  it('exports every feedback as CSV for organisers, neutralised, without authors; refuses others', async () => {
    await say('feedback w1-d2-a 1', amina, dm);
    await say('=HYPERLINK("http://x")', amina, dm);
    expect(await say('feedback export', sara)).toContain('only the organisers');
    const csv = (await bot.reply('feedback export', org)).files![0]!.content;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toContain('UAMINA');
    expect(csv.split('\n')[0]).toContain('session,session_title,rating');
  });

  it('compares the sessions of a week', async () => {
    bot.clock.set(ENDED);
    await say('feedback w1-d2-a 4', amina, dm);
    await say('feedback w1-d1-a 2', amina, dm);
    const week = await say('feedback report week 1', org);
    expect(week).toContain('Feedback, week 1');
    expect(week).toContain('2 responses');
    expect(week.indexOf('Reaching the “missing middle”: 4.0 out of 5')).toBeGreaterThan(-1);
    expect(await say('تقييم تقرير أسبوع 1', org)).toContain('التقييمات، الأسبوع 1');
  });
});

describe('feedback settings and personal data', () => {
  it('turns prompts off in three languages and in the natural order, and on again', async () => {
    for (const [text, who] of [['feedback off', 'slack:T1:U1'], ['avis non', 'slack:T1:U2'], ['ne plus demander d’avis', 'slack:T1:U3'], ['التقييم إيقاف', 'slack:T1:U4'], ['إيقاف التقييم', 'slack:T1:U5']] as const) await say(text, { id: who });
    expect(await bot.store.feedbackPromptsOff(['slack:T1:U1', 'slack:T1:U2', 'slack:T1:U3', 'slack:T1:U4', 'slack:T1:U5'])).toEqual(new Set(['slack:T1:U1', 'slack:T1:U2', 'slack:T1:U3', 'slack:T1:U4', 'slack:T1:U5']));
    expect(await say('feedback on', { id: 'slack:T1:U1' })).toContain('You will be asked for feedback');
    expect(await bot.store.feedbackPromptsOff(['slack:T1:U1'])).toEqual(new Set());
  });

  it('puts feedback in me export without the author id, and me delete erases it', async () => {
    await say('feedback w1-d2-a 4', amina, dm);
    await say('Great cases', amina, dm);
    const exported = JSON.parse((await bot.reply('me export', amina)).files![0]!.content) as { sessionFeedback: Array<Record<string, unknown>> };
    expect(exported.sessionFeedback).toMatchObject([{ sessionId: 'w1-d2-a', rating: 4, useful: { text: 'Great cases', lang: 'en' } }]);
    expect(exported.sessionFeedback[0]).not.toHaveProperty('userId');
    await say('me delete confirm', amina);
    expect(await bot.store.feedbackBy(amina.id)).toEqual([]);
  });

  it('understands feedback asked in people’s own words', async () => {
    bot.clock.set('2021-05-27T14:00:00Z'); // the disability session (w4-d3-a) has ended
    expect(await say('I want to give feedback on the disability session', amina, dm)).toContain('Feedback: Social protection and jobs for persons with disabilities');
    expect(await say('je veux donner mon avis sur la séance', jean, dm)).toContain('Quelle séance ?');
    expect(await say('أريد تقييم الجلسة', { id: 'slack:T1:UAR' }, dm)).toContain('أي جلسة؟');
  });
});
