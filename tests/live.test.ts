// Live sessions through the core (issue 24): asking, listing by votes with languages tagged, voting and taking a
// vote back, the window of questions, the limits, anonymous questions, moderation and its queue, the CSV export,
// and questions and votes in `me export` / `me delete`. w1-d2-a runs 08:30–10:00 New York time on 4 May 2021.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testBot, type TestBot } from './helpers/bot.js';

const DURING = '2021-05-04T12:40:00Z'; // 08:40 in New York
const BEFORE = '2021-05-04T12:20:00Z'; // 08:20: ten minutes before
const LIVE = '2021-05-04T12:26:00Z'; // 08:26: inside the five minutes before
const AFTER = '2021-05-04T14:05:00Z';

const amina = { id: 'slack:T1:UAMINA', adminIds: ['UAMINA'] };
const jean = { id: 'teams:29:jean', adminIds: ['29:jean'] };
const sara = { id: 'slack:T1:USARA', adminIds: ['USARA'] };
const org = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const voters = ['slack:T1:UV1', 'slack:T1:UV2', 'slack:T1:UV3', 'teams:29:v4'].map((id) => ({ id }));

let bot: TestBot | undefined;

async function start(now = DURING, env: Record<string, string> = {}): Promise<TestBot> {
  bot = await testBot(now, { CKEX_ADMINS: 'UORG', ...env });
  return bot;
}

afterEach(async () => {
  await bot?.store.close();
  if (bot) rmSync(bot.dataDir, { recursive: true, force: true });
  bot = undefined;
});

describe('live sessions: questions to the panel', () => {
  it('takes three questions (one in French, one anonymous), counts four voters, lists them by votes with the French one tagged', async () => {
    const b = await start();
    expect(await b.say('ask w1-d2-a How do you reach informal workers?', amina)).toContain('q1');
    expect(await b.say('poser w1-d2-a Comment financer la couverture des travailleurs informels ?', jean)).toContain('q2');
    const anonymous = await b.say('ask anonymously w1-d2-a Is the data public?', sara);
    expect(anonymous).toContain('q3');
    expect(anonymous).toContain('without your name');
    for (const v of voters) await b.say('vote q2', v);
    await b.say('vote q3', voters[0]);
    const list = await b.say('questions w1-d2-a', org);
    expect(list.indexOf('q2')).toBeLessThan(list.indexOf('q3'));
    expect(list.indexOf('q3')).toBeLessThan(list.indexOf('q1'));
    expect(list).toMatch(/q2 · 4 votes · in French/);
    expect(list).not.toMatch(/q1[^\n]*in English/);
    expect(list).not.toContain('USARA');
    const french = await b.say('questions w1-d2-a', jean);
    expect(french).toMatch(/q1 · 0 vote · en anglais/);
  });

  it('takes a vote back when pressed again, and counts one per person', async () => {
    const b = await start();
    await b.say('ask w1-d2-a A question?', amina);
    expect(await b.say('vote q1', sara)).toContain('is counted');
    expect(await b.say('vote q1', sara)).toContain('taken back');
    await b.say('vote q1', sara);
    expect((await b.store.question('q1'))?.votes).toBe(1);
  });

  it('sends `ask <question>` alone to the session running now, and says when questions open or that they closed', async () => {
    const b = await start(BEFORE);
    expect(await b.say('ask w1-d2-a Too early?', amina)).toContain('Questions open');
    b.clock.set(LIVE);
    expect(await b.say('ask Is this the next one?', amina)).toContain('q1');
    expect((await b.store.question('q1'))?.sessionId).toBe('w1-d2-a');
    b.clock.set(AFTER);
    expect(await b.say('ask w1-d2-a Too late?', amina)).toContain('questions are closed');
    expect(await b.say('vote q1', sara)).toContain('questions are closed');
  });

  it('gives the reason for bad input and changes nothing', async () => {
    const b = await start();
    expect(await b.say(`ask w1-d2-a ${'x'.repeat(501)}`, amina)).toContain('501');
    expect(await b.say('ask w1-d2-a', amina)).toContain('Write your question');
    expect(await b.say('vote 12', amina)).toContain('not a question id');
    expect(await b.say('vote q99', amina)).toContain('no question q99');
    expect(await b.say('ask w9-d9-z Hello?', amina)).toContain('w9-d9-z');
    for (let i = 0; i < 10; i++) await b.say(`ask w1-d2-a Question ${i}?`, amina);
    expect(await b.say('ask w1-d2-a One more?', amina)).toContain('10 open questions');
    expect(await b.store.questionsOf('w1-d2-a')).toHaveLength(10);
  });

  it('refuses anonymous questions when organisers turned them off', async () => {
    const b = await start(DURING, { CKEX_QA_ANONYMOUS: '0' });
    expect(await b.say('ask anonymously w1-d2-a Hidden?', amina)).toContain('turned anonymous questions off');
    expect(await b.store.questionsOf('w1-d2-a')).toEqual([]);
  });

  it('understands the commands in French and Arabic', async () => {
    const b = await start();
    expect(await b.say('سؤال w1-d2-a كيف يتم تمويل البرنامج؟', amina)).toContain('q1');
    expect(await b.say('voter q1', jean)).toContain('est compté');
    const list = await b.say('الأسئلة w1-d2-a حسب اللغة', sara);
    expect(list).toContain('العربية');
    expect(list).toContain('كيف يتم تمويل البرنامج؟');
    expect(await b.say('questions w1-d2-a par langue', jean)).toContain('arabe : 1 question');
    expect((await b.reply('الأسئلة w1-d2-a تصدير', org)).files?.[0]?.name).toBe('questions-w1-d2-a.csv');
  });

  it('groups the list by language for the interpreters', async () => {
    const b = await start();
    await b.say('ask w1-d2-a How is it funded?', amina);
    await b.say('poser w1-d2-a Comment est-ce financé ?', jean);
    const grouped = await b.say('questions w1-d2-a by language', amina);
    expect(grouped.indexOf('English: 1 question')).toBeLessThan(grouped.indexOf('French: 1 question'));
  });
});

describe('live sessions: moderation', () => {
  it('lets organisers and named moderators mark answered or hide, and nobody else', async () => {
    const b = await start();
    await b.say('ask w1-d2-a First?', amina);
    await b.say('ask w1-d2-a Second?', jean);
    expect(await b.say('answered q1', sara)).toContain('Only the organisers');
    expect(await b.say('moderators w1-d2-a USARA', sara)).toContain('organisers');
    expect(await b.say('moderators w1-d2-a USARA', org)).toContain('USARA');
    expect(await b.say('answered q1', sara)).toContain('marked answered');
    expect(await b.say('answered q1', sara)).toContain('Nothing changed');
    expect(await b.say('hide q2', org)).toContain('hidden');
    const list = await b.say('questions w1-d2-a', amina);
    expect(list).toMatch(/q1 · 0 votes · answered/);
    expect(list).not.toContain('q2');
    expect(await b.say('vote q2', amina)).toContain('no question q2');
    // A Teams caller naming itself USARA is not the Slack moderator.
    expect(await b.say('hide q1', { id: 'teams:29:x', adminIds: ['USARA'] })).toContain('Only the organisers');
  });

  it('with CKEX_QA_MODERATION=1 keeps new questions in a queue until a moderator approves them', async () => {
    const b = await start(DURING, { CKEX_QA_MODERATION: '1' });
    expect(await b.say('ask w1-d2-a Waiting?', amina)).toContain('waits for a moderator');
    expect(await b.say('questions w1-d2-a', sara)).not.toContain('q1');
    expect(await b.say('questions w1-d2-a', amina)).toContain('q1');
    expect(await b.say('vote q1', sara)).toContain('no question q1');
    expect(await b.say('queue w1-d2-a', sara)).toContain('Only the organisers');
    const queue = await b.say('queue w1-d2-a', org);
    expect(queue).toContain('Waiting?');
    expect(queue).toContain('[Approve: publish q1]');
    expect(queue).toContain('publish q1');
    expect(await b.say('publish q1', org)).toContain('approved');
    expect(await b.say('questions w1-d2-a', sara)).toContain('q1');
    expect(await b.say('queue w1-d2-a', org)).toContain('Nothing waits');
  });
});

describe('live sessions: export and personal data', () => {
  it('gives organisers a CSV of the questions, neutralised, without authors of anonymous ones', async () => {
    const b = await start();
    await b.say('ask w1-d2-a =HYPERLINK("http://x")', amina);
    await b.say('ask anonymously w1-d2-a Secret?', sara);
    await b.say('vote q2', jean);
    expect(await b.say('questions w1-d2-a export', amina)).toContain('organisers');
    const reply = await b.reply('questions w1-d2-a export', org);
    const csv = reply.files![0]!.content;
    expect(csv.split('\n')[0]).toBe('\ufeffid,question,language,votes,status,asked_at,author');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")",en,0,open`);
    expect(csv).toContain('q2,Secret?,en,1,open');
    expect(csv).toContain('slack:T1:UAMINA');
    expect(csv).not.toContain('USARA');
  });

  it('puts questions and votes in `me export`; `me delete` keeps an anonymous question from "a participant" only', async () => {
    const b = await start();
    await b.say('ask w1-d2-a Signed?', amina);
    await b.say('ask anonymously w1-d2-a Unsigned?', amina);
    await b.say('ask w1-d2-a Other?', jean);
    await b.say('vote q3', amina);
    const exported = JSON.parse((await b.reply('me export', amina)).files![0]!.content) as { liveQuestions: { id: string }[]; liveVotes: { questionId: string }[] };
    expect(exported.liveQuestions.map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(exported.liveVotes.map((v) => v.questionId)).toEqual(['q3']);
    await b.say('me delete confirm', amina);
    expect(await b.store.question('q1')).toBeUndefined();
    expect(await b.store.question('q2')).toMatchObject({ anonymous: true });
    expect((await b.store.question('q2'))?.authorId).toBeUndefined();
    expect(await b.store.question('q3')).toMatchObject({ votes: 0 });
  });
});
