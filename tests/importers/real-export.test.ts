// Issue 16, done when: a REAL pretalx export (not a hand-written one), moved into the event's dates and imported with
// `npm run import`, is the agenda the console, Slack and Teams answer from in three languages (titles in their
// original language where no translation exists); importing it again changes nothing; moving one talk and importing
// reports exactly that change and notifies the people who starred it.
//
// The export: rC3 Channels 2020, from pretalx.rc3.studio, as kept in voc/schedule (validator/json/examples/
// pretalx-rc3.json, EUPL-1.2); byte for byte, see fixtures/real/README.md. 48 talks in 29 English and 19 German, on
// 27-30 December 2020 (Sunday to Wednesday), times with their +01:00 offset. `--shift-to 2021-05-03` moves them by 127
// days onto Monday 3 to Thursday 6 May 2021, week 1.
import { poster } from '../helpers/poster.js';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/load.js';
import { stripBidi } from '../../src/core/i18n/bidi.js';
import { replyToText, type Reply } from '../../src/core/reply.js';
import { PostScheduler } from '../../src/scheduled/index.js';
import { formatReport, importFile } from '../../src/importers/index.js';
import { testBot, tempDir, type TestBot } from '../helpers/bot.js';
import { startE2e } from '../helpers/e2e.js';
import { postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { slashCommand } from '../helpers/slack-requests.js';
import { contentCopy, fixture, readAgenda } from './helpers.js';

const REAL = fixture('real/pretalx-rc3-channels-2020.json');
const SHIFT = '2021-05-03';
const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };

// Two talks of Tuesday 28 December 2020 at 12:00+01:00, both 06:00 in Washington once moved to Tuesday 4 May.
const LIFE = { guid: 'baea585c-2f86-539e-b6d0-11fef38ab650', id: 'w1-d2-c', title: 'Life, liberty and the pursuit of personal information' };
const IOMMU = { guid: '32df4a17-2297-5fda-9299-cd6c9b8c888a', id: 'w1-d2-d', title: 'Things not to do when using an IOMMU' };
// A German talk (pretalx "language": "de"), 18:30+01:00 on 28 December.
const FREIFUNK = { id: 'w1-d2-j', title: 'Quo vadis Freifunk - wohin geht die Reise?' };

const MARKER = { fr: '(en anglais, pas encore traduit)', ar: '(باللغة الإنجليزية، لم يُترجم بعد)' };

const runImport = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', cwd: ROOT });
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.store.close();
  bot = undefined;
});

/** A bot on a copy of content/ (the sample agenda), the real export imported with `npm run import -- … --shift-to`, then reloaded by an organiser. */
async function importedBot(): Promise<{ bot: TestBot; dir: string; stdout: string; reloaded: string }> {
  const dir = contentCopy();
  bot = await testBot('2021-05-04T14:00:00Z', { CONTENT_DIR: dir, CKEX_ADMINS: 'UORG' });
  const run = runImport(REAL, '--shift-to', SHIFT, '--content', dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const reloaded = await bot.say('reload', ORGANISER);
  return { bot, dir, stdout: run.stdout, reloaded };
}

describe('a real pretalx export (rC3 Channels 2020) moved into the event with --shift-to', () => {
  it('npm run import makes it the agenda: 48 talks on the event’s first four weekdays, times from their offsets, pages, speakers', async () => {
    const { dir, stdout, reloaded } = await importedBot();
    expect(stdout).toContain("Dates moved by 127 days (--shift-to): the file's first day 2020-12-27 is now 2021-05-03.");
    expect(stdout).toContain('The sample agenda is replaced: its sessions are all removed.');
    expect(stdout).toContain('Added 48, changed 0, removed 36, unchanged 0.');
    expect(stdout).toContain(`  + ${LIFE.id}  ${LIFE.title}  (2021-05-04 06:00–06:40)`);
    expect(stdout).toContain('Not translated yet (shown in the original language, marked): 48');
    // The export says 19 talks are in German, a language the bot cannot name: the report says so, one line each.
    expect(stdout).toContain('Written in a language the bot does not speak (de): 19.');
    expect(stdout).toContain(`  ${FREIFUNK.id}  ${FREIFUNK.title}  (de)`);
    expect(reloaded).toContain('Now 48 sessions and 13 library items.');
    expect(reloaded).toContain('Added 48, changed 0, removed 36.');

    const agenda = readAgenda(dir);
    expect(agenda.sample).toBe(false);
    const byDay = new Map<string, number>();
    for (const s of agenda.sessions) byDay.set(s.date, (byDay.get(s.date) ?? 0) + 1);
    expect([...byDay]).toEqual([['2021-05-03', 12], ['2021-05-04', 15], ['2021-05-05', 14], ['2021-05-06', 7]]);
    expect(new Set(agenda.sessions.map((s) => s.week))).toEqual(new Set([1]));
    expect(agenda.sessions.every((s) => s.source?.startsWith('guid:') && s.links?.page?.startsWith('https://pretalx.rc3.studio/rc3-channels-2020/talk/'))).toBe(true);
    // The first talk: 11:30+01:00 on Sunday 27 December is 05:30 in Washington, now on Monday 3 May.
    expect(agenda.sessions[0]).toMatchObject({ id: 'w1-d1-a', date: '2021-05-03', start: '05:30', end: '06:10', title: { en: 'Der faule Admin automatisiert: Gluon auf echter Hardware testen' } });
    expect(agenda.sessions[0]!.speakers.map((p) => p.en)).toEqual(['Chris Fiege', 'Kasa']);
    const life = agenda.sessions.find((s) => s.source === `guid:${LIFE.guid}`)!;
    expect(life).toMatchObject({ id: LIFE.id, originalLanguage: 'en', untranslated: ['fr', 'ar'], links: { page: 'https://pretalx.rc3.studio/rc3-channels-2020/talk/987G3E/' } });
    expect(life.title).toEqual({ en: LIFE.title, fr: LIFE.title, ar: LIFE.title });
    // A talk with no persons in the export: speakers to be announced.
    expect(agenda.sessions.find((s) => s.id === 'w1-d4-a')!.speakers[0]!.fr).toBe('Intervenants à annoncer');
    expect(() => loadContent(dir)).not.toThrow();
  });

  it('the console answers today, week and session from it in en, fr and ar: original titles, the marker in the other languages', async () => {
    const { bot } = await importedBot();
    const en = { id: 'console:en' };
    const fr = { id: 'console:fr' };
    const ar = { id: 'console:ar' };

    const today = await bot.say('today', en);
    expect(today).toContain('Tuesday, 4 May 2021');
    expect(today).toContain(`06:00–06:40  ${LIFE.title}  (${LIFE.id})`);
    expect(today).toContain(`12:30–13:10  ${FREIFUNK.title} (in German, not translated yet)  (${FREIFUNK.id})`);
    expect(today).not.toContain('pas encore traduit');
    expect(today).not.toContain('Opening: Expanding social protection coverage for all'); // the sample is gone
    const aujourdhui = spaced(await bot.say("aujourd'hui", fr));
    expect(aujourdhui).toContain('Mardi 4 mai 2021');
    expect(aujourdhui).toContain(`06:00–06:40  ${LIFE.title} ${MARKER.fr}  (${LIFE.id})`);
    const alyawm = await bot.say('اليوم', ar);
    expect(alyawm).toContain('الثلاثاء، 4 مايو/أيار 2021');
    expect(alyawm).toContain(`${LIFE.title} ${MARKER.ar}  (${LIFE.id})`);
    for (const reply of [today, aujourdhui, alyawm]) expect(reply.match(/\(w1-d2-[a-o]\)/g)).toHaveLength(15);

    const week = await bot.say('week 1', en);
    for (const day of ['Monday, 3 May 2021', 'Tuesday, 4 May 2021', 'Wednesday, 5 May 2021', 'Thursday, 6 May 2021']) expect(week).toContain(day);
    expect(week).toContain('04:00–04:40  Ethical Hackers + Investigative Journos… GAME OVER?  (w1-d4-a)');
    expect(week.match(/\(w1-d[1-4]-[a-o]\)/g)).toHaveLength(48);
    expect(week).not.toMatch(/^Friday, 7 May 2021$/m); // no talk was moved to a Friday: no heading for it
    const semaine = spaced(await bot.say('semaine 1', fr));
    expect(semaine).toContain(`${IOMMU.title} ${MARKER.fr}  (${IOMMU.id})`);
    expect(semaine.match(/\(w1-d[1-4]-[a-o]\)/g)).toHaveLength(48);
    const usbu = await bot.say('الأسبوع 1', ar);
    expect(usbu).toContain(`${IOMMU.title} ${MARKER.ar}  (${IOMMU.id})`);
    const week2 = await bot.say('week 2', en);
    expect(week2).not.toMatch(/\(w2-d\d-[a-z]\)/); // nothing in week 2 any more, and it says so
    expect(week2).toContain('No sessions are scheduled this week yet.');

    const session = await bot.say(`session ${LIFE.id}`, en);
    expect(session).toContain(`== ${LIFE.title} ==`);
    expect(session).toContain('In a time and space where even basic human interaction has to be facilitated by computer systems');
    expect(session).toContain('When: Tuesday, 4 May 2021, 06:00–06:40');
    expect(session).toContain('Speakers: Lei Nelissen');
    expect(session).toContain('[Session page: https://pretalx.rc3.studio/rc3-channels-2020/talk/987G3E/]');
    const seance = spaced(await bot.say(`séance ${LIFE.id}`, fr));
    expect(seance).toContain(`== ${LIFE.title} ${MARKER.fr} ==`);
    expect(seance).toContain('Date : mardi 4 mai 2021, 06:00–06:40');
    expect(seance).toContain('Intervenants : Lei Nelissen');
    const jalsa = await bot.say(`جلسة ${LIFE.id}`, ar);
    expect(jalsa).toContain(`== ${LIFE.title} ${MARKER.ar} ==`);
    expect(jalsa).toContain('المتحدثون: Lei Nelissen');
    // A German talk keeps its German title for every reader, marked as German in each language.
    const marked = { en: '(in German, not translated yet)', fr: '(en allemand, pas encore traduit)', ar: '(باللغة الألمانية، لم يُترجم بعد)' };
    for (const [text, caller, lang] of [[`session ${FREIFUNK.id}`, en, 'en'], [`séance ${FREIFUNK.id}`, fr, 'fr'], [`جلسة ${FREIFUNK.id}`, ar, 'ar']] as const) {
      expect(spaced(await bot.say(text, caller))).toContain(`${FREIFUNK.title} ${marked[lang]}`);
    }
  });

  it('Slack and Teams answer from it, in the user’s language', async () => {
    const dir = contentCopy();
    expect(runImport(REAL, '--shift-to', SHIFT, '--content', dir).status).toBe(0);
    const { slack, connector, server, events, close } = await startE2e({ env: { CONTENT_DIR: dir } });
    slack.users.set('UPARIS', { tz: 'Europe/Paris', locale: 'fr-FR' });
    try {
      // Slack: /ckex séance w1-d2-c from a user in Paris: the French card, the English title marked, Paris time (12:00).
      await slashCommand(events, `séance ${LIFE.id}`, slack.responseUrl(), 'UPARIS');
      const [respond] = await slack.waitFor('respond');
      const blocks = spaced(stripBidi(JSON.stringify(respond!.body.blocks)));
      expect(blocks).toContain(`${LIFE.title} ${MARKER.fr}`);
      expect(blocks).toContain('mardi 4 mai 2021, 12:00–12:40');
      expect(blocks).toContain('https://pretalx.rc3.studio/rc3-channels-2020/talk/987G3E/');
      // Slack in English: today, the title as written, no marker.
      await slashCommand(events, 'today', slack.responseUrl('r2'), 'UEN');
      const [english] = await slack.waitFor('respond', 2).then((calls) => calls.slice(1));
      const englishText = stripBidi(JSON.stringify(english!.body.blocks));
      expect(englishText).toContain(LIFE.title);
      expect(englishText).toContain(`${LIFE.title}  (${LIFE.id})`); // English as written: no marker
      expect(englishText).toContain(`${FREIFUNK.title} (in German, not translated yet)`);
      // Teams: اليوم in Riyadh: the Arabic card of Tuesday 4 May, the titles marked, Riyadh time (13:00).
      await postActivity(server.url, teamsActivity(connector.url, { text: 'اليوم', locale: 'ar-SA', localTimezone: 'Asia/Riyadh', from: { id: '29:riyadh', name: 'Participant' } }));
      const [call] = await connector.waitFor();
      const card = stripBidi(JSON.stringify(call!.activity.attachments[0].content));
      expect(card).toContain('الثلاثاء، 4 مايو/أيار 2021');
      expect(card).toContain(`${LIFE.title} ${MARKER.ar}`);
      expect(card).toContain('13:00');
      expect(card).toContain(LIFE.id);
    } finally {
      await close();
    }
  });

  it('importing the same file again changes nothing and writes nothing new', async () => {
    const { bot, dir } = await importedBot();
    const before = readFileSync(join(dir, 'agenda.json'));
    const again = await importFile(REAL, { contentDir: dir, shiftTo: SHIFT });
    expect(again.problems).toEqual([]);
    expect(again.sessions).toEqual({ added: [], changed: [], removed: [], unchanged: 48 });
    expect(formatReport(again)).toContain('Added 0, changed 0, removed 0, unchanged 48.');
    expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
    // and by npm run import too
    const run = runImport(REAL, '--shift-to', SHIFT, '--content', dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Added 0, changed 0, removed 0, unchanged 48.');
    expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
    expect(await bot.say('reload', ORGANISER)).toContain('The agenda is the same as before.');
  });

  it('moving one talk in the export reports exactly that change, and tells only the person who starred it, once, in their language', async () => {
    const { bot, dir } = await importedBot();
    const told: { user: string; text: string; lang: string }[] = [];
    // Feedback prompts after sessions (tests/feedback.test.ts) are not change notices: only notices are counted here.
    const isPrompt = (reply: Reply) => reply.blocks.some((b) => b.type === 'actions' && b.buttons.some((x) => x.command?.startsWith('feedback ')));
    const record = async (user: string, reply: Reply) => (isPrompt(reply) || told.push({ user, text: spaced(stripBidi(replyToText(reply))), lang: reply.lang }), true);
    bot.core.notifier.register('slack', poster({ toUser: record, toChannel: async () => true }));
    bot.core.notifier.register('teams', poster({ toUser: record, toChannel: async () => true }));
    const scheduler = new PostScheduler(bot.core, bot.dispatcher);
    try {
      const leila = { id: 'teams:29:leila', tz: 'Asia/Riyadh' };
      const anna = { id: 'slack:T1:UANNA' };
      expect(await bot.say(`أضف ${LIFE.id}`, leila)).toContain(LIFE.title);
      expect(await bot.say(`star ${IOMMU.id}`, anna)).toContain(IOMMU.title);

      // The organisers' pretalx moved "Life, liberty…" from 12:00 to 15:00 (+01:00) on 28 December: a copy of the real
      // export with only that talk's date and start edited, as a re-export would give it.
      const text = readFileSync(REAL, 'utf8');
      const at = text.indexOf(`"guid": "${LIFE.guid}"`);
      expect(at).toBeGreaterThan(0);
      const edited = text.slice(at).replace('"date": "2020-12-28T12:00:00+01:00"', '"date": "2020-12-28T15:00:00+01:00"').replace('"start": "12:00"', '"start": "15:00"');
      const moved = join(tempDir('ckex-real-'), 'pretalx-rc3-channels-2020.json');
      writeFileSync(moved, text.slice(0, at) + edited);

      const run = runImport(moved, '--shift-to', SHIFT, '--content', dir);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Added 0, changed 1, removed 0, unchanged 47.');
      expect(run.stdout).toContain(`  ~ ${LIFE.id}  ${LIFE.title}  (moved from 2021-05-04 06:00–06:40 to 2021-05-04 09:00–09:40; time)`);
      const report = await importFile(moved, { contentDir: dir, shiftTo: SHIFT, dryRun: true });
      expect(report.sessions).toEqual({ added: [], changed: [], removed: [], unchanged: 48 }); // already written: the same again
      const life = readAgenda(dir).sessions.find((s) => s.id === LIFE.id)!;
      expect(life).toMatchObject({ date: '2021-05-04', start: '09:00', end: '09:40', sequence: 1 });

      const reloaded = await bot.say('reload', ORGANISER);
      expect(reloaded).toContain('Added 0, changed 1, removed 0.');
      await scheduler.tick();
      await scheduler.tick();
      expect(told.map((t) => t.user)).toEqual([leila.id]);
      expect(told[0]!.lang).toBe('ar');
      expect(told[0]!.text).toContain('طرأ تغيير على جلسة واحدة في جدولك');
      expect(told[0]!.text).toContain(`${LIFE.title} ${MARKER.ar}`);
      expect(told[0]!.text).toContain('16:00'); // 09:00 in Washington is 16:00 in Riyadh
      expect(told[0]!.text).not.toContain(IOMMU.title);
    } finally {
      await scheduler.stop();
    }
  });
});
