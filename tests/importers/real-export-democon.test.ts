// Issue 28: a real pretalx export from a local instance, whose pages are all http:// links, imports: each link is left
// out and listed, the agenda written. The export: pretalx's own demo event DemoCon, as kept in voc/schedule
// (validator/json/examples/pretalx-democon.json, EUPL-1.2), byte for byte, see fixtures/real/README.md. 36 talks in
// English on Monday 14 to Wednesday 16 December 2020, times with their +01:00 offset, every page
// "http://localhost/democon/talk/…/". `--shift-to 2021-05-03` moves them by 140 days onto Monday 3 to Wednesday 5 May
// 2021, week 1, as the rC3 export is (real-export.test.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/load.js';
import { formatReport, importFile } from '../../src/importers/index.js';
import { testBot, tempDir, type TestBot } from '../helpers/bot.js';
import { contentCopy, fixture, readAgenda } from './helpers.js';

const DEMOCON = fixture('real/pretalx-democon.json');
const SHIFT = '2021-05-03';
const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
// The first talk: 09:00+01:00 on Monday 14 December, 03:00 in Washington once moved to Monday 3 May.
const FIRST = { guid: '8079583e-8321-506c-95af-fd2903a5f075', id: 'w1-d1-a', title: 'Focused 5thgeneration hardware', page: 'http://localhost/democon/talk/G9JGWY/' };
const MARKER = { fr: '(en anglais, pas encore traduit)', ar: '(باللغة الإنجليزية، لم يُترجم بعد)' };

const runImport = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', cwd: ROOT });
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.store.close();
  bot = undefined;
});

async function importedBot(): Promise<{ bot: TestBot; dir: string; stdout: string }> {
  const dir = contentCopy();
  bot = await testBot('2021-05-03T14:00:00Z', { CONTENT_DIR: dir, CKEX_ADMINS: 'UORG' });
  const run = runImport(DEMOCON, '--shift-to', SHIFT, '--content', dir);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(await bot.say('reload', ORGANISER)).toContain('Now 36 sessions');
  return { bot, dir, stdout: run.stdout };
}

describe('a real pretalx export from a local instance (DemoCon), its pages http://, moved into the event', () => {
  it('npm run import makes it the agenda and lists each http:// link it left out, with its line; the bot shows none', async () => {
    const { dir, stdout } = await importedBot();
    expect(stdout).toContain("Dates moved by 140 days (--shift-to): the file's first day 2020-12-14 is now 2021-05-03.");
    expect(stdout).toContain('Added 36, changed 0, removed 36, unchanged 0.');
    expect(stdout).toContain(`  + ${FIRST.id}  ${FIRST.title}  (2021-05-03 03:00–03:30)`);
    expect(stdout).toContain('Left out 36 links that are not https://, first at line 38 (the bot never shows them):');
    expect(stdout).toContain(`  line 38  ${FIRST.id}  page  ${FIRST.page}`);
    expect(stdout.match(/^ {2}line \d+ {2}w1-d[1-3]-[a-l] {2}page {2}http:\/\/localhost\/democon\/talk\/[A-Z0-9]+\/$/gm)).toHaveLength(36);
    expect(stdout).not.toContain('Refused');

    const agenda = readAgenda(dir);
    const byDay = new Map<string, number>();
    for (const s of agenda.sessions) byDay.set(s.date, (byDay.get(s.date) ?? 0) + 1);
    expect([...byDay]).toEqual([['2021-05-03', 12], ['2021-05-04', 12], ['2021-05-05', 12]]);
    expect(agenda.sessions.every((s) => s.week === 1 && s.source?.startsWith('guid:') && s.links === undefined)).toBe(true);
    expect(agenda.sessions[0]).toMatchObject({ id: FIRST.id, source: `guid:${FIRST.guid}`, date: '2021-05-03', start: '03:00', end: '03:30', title: { en: FIRST.title } });
    expect(agenda.sessions[0]!.speakers.map((p) => p.en)).toEqual(['Brian Robinson']);
    expect(readFileSync(join(dir, 'agenda.json'), 'utf8')).not.toContain('http://');
    expect(() => loadContent(dir)).not.toThrow();
  });

  it('the console answers today and session from it in en, fr and ar, with no link to the http:// page', async () => {
    const { bot } = await importedBot();
    const today = await bot.say('today', { id: 'console:en' });
    expect(today).toContain('Monday, 3 May 2021');
    expect(today).toContain(`03:00–03:30  ${FIRST.title}  (${FIRST.id})`);
    expect(today.match(/\(w1-d1-[a-l]\)/g)).toHaveLength(12);
    expect(spaced(await bot.say("aujourd'hui", { id: 'console:fr' }))).toContain(`${FIRST.title} ${MARKER.fr}  (${FIRST.id})`);
    expect(await bot.say('اليوم', { id: 'console:ar' })).toContain(`${FIRST.title} ${MARKER.ar}  (${FIRST.id})`);
    const session = await bot.say(`session ${FIRST.id}`, { id: 'console:en' });
    expect(session).toContain(`== ${FIRST.title} ==`);
    expect(session).toContain('Brand back-end models!');
    expect(session).toContain('Speakers: Brian Robinson');
    expect(session).not.toMatch(/Session page|localhost/);
    expect(spaced(await bot.say(`séance ${FIRST.id}`, { id: 'console:fr' }))).toContain('Intervenants : Brian Robinson');
  });

  it('importing it again changes nothing and writes nothing new; the links are listed again', async () => {
    const { dir } = await importedBot();
    const before = readFileSync(join(dir, 'agenda.json'));
    const again = await importFile(DEMOCON, { contentDir: dir, shiftTo: SHIFT });
    expect(again.problems).toEqual([]);
    expect(again.sessions).toEqual({ added: [], changed: [], removed: [], unchanged: 36 });
    expect(again.leftOutLinks).toHaveLength(36);
    expect(formatReport(again)).toContain('Added 0, changed 0, removed 0, unchanged 36.');
    expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
  });

  it('moving one talk in the export reports exactly that change', async () => {
    const { bot, dir } = await importedBot();
    const text = readFileSync(DEMOCON, 'utf8');
    const at = text.indexOf(`"guid": "${FIRST.guid}"`);
    expect(at).toBeGreaterThan(0);
    const edited = text.slice(at).replace('"date": "2020-12-14T09:00:00+01:00"', '"date": "2020-12-14T12:00:00+01:00"').replace('"start": "09:00"', '"start": "12:00"');
    const moved = join(tempDir('ckex-real-'), 'pretalx-democon.json');
    writeFileSync(moved, text.slice(0, at) + edited);
    const run = runImport(moved, '--shift-to', SHIFT, '--content', dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Added 0, changed 1, removed 0, unchanged 35.');
    expect(run.stdout).toContain(`  ~ ${FIRST.id}  ${FIRST.title}  (moved from 2021-05-03 03:00–03:30 to 2021-05-03 06:00–06:30; time)`);
    expect(readAgenda(dir).sessions.find((s) => s.id === FIRST.id)).toMatchObject({ start: '06:00', end: '06:30', sequence: 1 });
    expect(await bot.say('reload', ORGANISER)).toContain('Added 0, changed 1, removed 0.');
  });
});
