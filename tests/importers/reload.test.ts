// reload: the running bot answers from an imported agenda with no restart, in three languages; a bad file changes nothing.
import { poster } from '../helpers/poster.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../src/importers/index.js';
import { PostScheduler } from '../../src/scheduled/index.js';
import { stripBidi } from '../../src/core/i18n/bidi.js';
import { replyToText, type Reply } from '../../src/core/reply.js';
import { testBot, type TestBot } from '../helpers/bot.js';
import { contentCopy, fixture } from './helpers.js';

const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };

describe('reload', () => {
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.store.close?.();
    bot = undefined;
  });

  async function start(): Promise<{ bot: TestBot; dir: string }> {
    const dir = contentCopy();
    bot = await testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: dir, CKEX_ADMINS: 'UORG' });
    return { bot, dir };
  }

  it('answers from the imported agenda without a restart, the untranslated titles marked', async () => {
    const { bot, dir } = await start();
    expect(await bot.say('session w1-d1-a')).toContain('Opening: Expanding social protection coverage for all');
    await importFile(fixture('schedule.json'), { contentDir: dir });
    expect(await bot.say('session w1-d1-a')).toContain('Opening: Expanding social protection coverage for all'); // not before reload
    const reply = await bot.say('reload', ORGANISER);
    expect(reply).toContain('Agenda reloaded');
    expect(reply).toContain('Now 3 sessions and 13 library items.');
    expect(reply).toContain('Added 3, changed 0, removed 36.');
    expect(reply).toContain('Opening: expanding coverage for all (w1-d1-a)');
    const english = await bot.say('session w1-d1-a');
    expect(english).toContain('Opening: expanding coverage for all');
    expect(english).not.toContain('not translated yet');
    expect(await bot.say('search missing middle')).toContain('Reaching the missing middle'); // the search is the new one too
    expect(await bot.say('séance w1-d1-a')).toContain('Opening: expanding coverage for all (en anglais, pas encore traduit)');
    // The calendar file says it too: a calendar outlives the chat.
    const ics = (await bot.reply('séance w1-d1-a')).files?.find((f) => f.name.endsWith('.ics'))?.content.replace(/\r\n /g, '') ?? '';
    expect(ics).toContain('pas encore traduit');
    expect(await bot.say('جلسة w1-d1-a')).toContain('Opening: expanding coverage for all (باللغة الإنجليزية، لم يُترجم بعد)');
    expect(await bot.say("aujourd'hui")).toContain('(en anglais, pas encore traduit)');
    expect(await bot.say('session w2-d1-a')).not.toContain('Technology for SPJ systems');
    // the search answers from the new agenda too
  });

  it('a second reload of the same files reports no change; a moved talk is reported', async () => {
    const { bot, dir } = await start();
    await importFile(fixture('schedule.json'), { contentDir: dir });
    await bot.say('reload', ORGANISER);
    expect(await bot.say('reload', ORGANISER)).toContain('The agenda is the same as before.');
    const moved = join(dir, 'moved.json');
    writeFileSync(moved, readFileSync(fixture('schedule.json'), 'utf8').replace('"date": "2021-05-03T11:00:00-04:00"', '"date": "2021-05-04T14:00:00-04:00"'));
    await importFile(moved, { contentDir: dir });
    const reply = await bot.say('recharger', ORGANISER);
    expect(reply).toContain('Programme rechargé');
    expect(reply).toMatch(/Modifiées\s: Atteindre le « chaînon manquant » \(w1-d1-b\)/u);
  });

  it('moving one imported talk tells exactly the people who starred it, once, in their language', async () => {
    const { bot, dir } = await start();
    await importFile(fixture('schedule.json'), { contentDir: dir });
    await bot.say('reload', ORGANISER);
    const told: { user: string; text: string }[] = [];
    const record = async (user: string, reply: Reply) => (told.push({ user, text: stripBidi(replyToText(reply)).replace(/[\u00a0\u202f]/g, ' ') }), true);
    bot.core.notifier.register('slack', poster({ toUser: record, toChannel: async () => true }));
    const scheduler = new PostScheduler(bot.core, bot.dispatcher);
    try {
      await bot.say('favori w1-d1-b', { id: 'slack:T1:UFR' });
      await bot.say('star w1-d1-a', { id: 'slack:T1:UEN' });
      const moved = join(dir, 'moved.json');
      writeFileSync(moved, readFileSync(fixture('schedule.json'), 'utf8').replace('"date": "2021-05-03T11:00:00-04:00"', '"date": "2021-05-04T14:00:00-04:00"'));
      const report = await importFile(moved, { contentDir: dir });
      expect(report.sessions?.changed.map((c) => c.id)).toEqual(['w1-d1-b']);
      expect([report.sessions?.added.length, report.sessions?.removed.length]).toEqual([0, 0]);
      await bot.say('reload', ORGANISER);
      await scheduler.tick();
      await scheduler.tick();
      expect(told.map((t) => t.user)).toEqual(['slack:T1:UFR']);
      expect(told[0]!.text).toContain('Changement de programme');
      expect(told[0]!.text).toContain('désormais le mardi 4 mai 2021, 14:00');
    } finally {
      await scheduler.stop();
    }
  });

  it('a file the bot would refuse is named with its field and the fix, and the old agenda stays', async () => {
    const { bot, dir } = await start();
    const file = join(dir, 'agenda.json');
    const agenda = JSON.parse(readFileSync(file, 'utf8'));
    agenda.sessions[0].date = '2021-05-08';
    writeFileSync(file, JSON.stringify(agenda));
    const reply = await bot.say('reload', ORGANISER);
    expect(reply).toContain('Reload refused');
    expect(reply).toContain(`${file} cannot be used: at $.sessions[0].date, 2021-05-08 is not inside week 1`);
    expect(reply).toContain('Nothing changed: the bot still answers from the agenda it had.');
    expect(await bot.say('session w1-d1-a')).toContain('Opening: Expanding social protection coverage for all');
    expect(await bot.say('إعادة تحميل', ORGANISER)).toContain('رُفضت إعادة التحميل');
  });

  it('is for organisers only', async () => {
    const { bot } = await start();
    expect(await bot.say('reload')).toContain('only the organisers');
  });
});
