// npm run import: every format, ids that survive re-imports, sequences, the report, dry runs and refusals.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, importFile } from '../../src/importers/index.js';
import { loadContent } from '../../src/core/content/load.js';
import { contentCopy, fixture, readAgenda, variant } from './helpers.js';

const GUID = '2f6f0c4e-1b1a-4e55-8f3e-5a1f0e9b0a';
const OPENING_LINKS = {
  page: 'https://example.org/ckex/opening',
  join: 'https://meet.example.org/j/ckex-opening',
  materials: 'https://example.org/ckex/opening/slides.pdf',
  recording: 'https://example.org/ckex/opening/recording',
};

describe('frab/pretalx schedule JSON', () => {
  it('replaces the sample: places sessions in weeks and topics, falls back to the original language, and loads', async () => {
    const dir = contentCopy();
    const report = await importFile(fixture('schedule.json'), { contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.written).toBe(true);
    expect(report.sampleCleared).toBe(true);
    expect(report.sessions!.added.map((s) => [s.id, s.title])).toEqual([
      ['w1-d1-a', 'Opening: expanding coverage for all'],
      ['w1-d1-b', 'Reaching the missing middle'],
      ['w4-d1-a', 'Confronting gender-based violence through SPJ programs'],
    ]);
    expect(report.sessions!.removed).toHaveLength(36);
    const agenda = readAgenda(dir);
    expect(agenda.sample).toBe(false);
    const [opening, middle, gbv] = agenda.sessions;
    expect(opening).toMatchObject({ date: '2021-05-03', start: '09:00', end: '10:30', week: 1, sequence: 0, source: `guid:${GUID}01`, originalLanguage: 'en', untranslated: ['fr', 'ar'] });
    expect(opening!.title).toEqual({ en: 'Opening: expanding coverage for all', fr: 'Opening: expanding coverage for all', ar: 'Opening: expanding coverage for all' });
    expect(opening!.speakers).toEqual([{ en: 'World Bank SPJ staff', fr: 'World Bank SPJ staff', ar: 'World Bank SPJ staff' }]);
    expect(opening!.links).toEqual({ page: 'https://pretalx.example.org/ckex2021/talk/AB12CD/' });
    // pretalx's multilingual fields give every language: nothing to mark
    expect(middle!.title.fr).toBe('Atteindre le « chaînon manquant »');
    expect(middle!.untranslated).toBeUndefined();
    // 15:00 in Paris is 09:00 in Washington; the track names special topic 1; no persons: speakers to be announced
    expect(gbv).toMatchObject({ id: 'w4-d1-a', date: '2021-05-24', start: '09:00', end: '10:30', week: 4, topic: 'gbv' });
    expect(gbv!.speakers[0]!.fr).toBe('Intervenants à annoncer');
    expect(gbv!.description.en).toBe('Why it matters for social protection and jobs.');
    expect(() => loadContent(dir)).not.toThrow();
  });

  it('importing the same file again changes nothing: same ids, same sequences', async () => {
    const dir = contentCopy();
    await importFile(fixture('schedule.json'), { contentDir: dir });
    const first = readAgenda(dir);
    const report = await importFile(fixture('schedule.json'), { contentDir: dir });
    expect(report.sessions).toEqual({ added: [], changed: [], removed: [], unchanged: 3 });
    expect(readAgenda(dir).sessions).toEqual(first.sessions);
    expect(formatReport(report)).toContain('Added 0, changed 0, removed 0, unchanged 3.');
  });

  it('a moved talk keeps its id and its sequence goes up; the report says exactly that', async () => {
    const dir = contentCopy();
    await importFile(fixture('schedule.json'), { contentDir: dir });
    const moved = variant('schedule.json', (t) => t.replace('"date": "2021-05-03T11:00:00-04:00"', '"date": "2021-05-04T14:00:00-04:00"'));
    const report = await importFile(moved, { contentDir: dir });
    expect(report.sessions!.added).toEqual([]);
    expect(report.sessions!.removed).toEqual([]);
    expect(report.sessions!.changed).toEqual([
      { id: 'w1-d1-b', title: 'Reaching the missing middle', when: '2021-05-04 14:00–15:00', was: '2021-05-03 11:00–12:00', fields: ['time'] },
    ]);
    expect(formatReport(report)).toContain('~ w1-d1-b  Reaching the missing middle  (moved from 2021-05-03 11:00–12:00 to 2021-05-04 14:00–15:00; time)');
    const session = readAgenda(dir).sessions.find((s) => s.id === 'w1-d1-b')!;
    expect(session).toMatchObject({ date: '2021-05-04', start: '14:00', sequence: 1 });
    // again: nothing more changes, the sequence stays
    await importFile(moved, { contentDir: dir });
    expect(readAgenda(dir).sessions.find((s) => s.id === 'w1-d1-b')!.sequence).toBe(1);
  });

  it('a new session takes the next free letter of its day; a removed id is never given again', async () => {
    const dir = contentCopy();
    await importFile(fixture('schedule.json'), { contentDir: dir });
    // drop the 11:00 talk (w1-d1-b) and add a 14:00 one on the same day
    const edited = variant('schedule.json', (t) => t.replace(`"guid": "${GUID}02"`, `"guid": "${GUID}09"`).replace('"date": "2021-05-03T11:00:00-04:00"', '"date": "2021-05-03T14:00:00-04:00"').replace('"Reaching the missing middle"', '"Closing the day"'));
    const report = await importFile(edited, { contentDir: dir });
    expect(report.sessions!.removed.map((s) => s.id)).toEqual(['w1-d1-b']);
    expect(report.sessions!.added.map((s) => [s.id, s.title])).toEqual([['w1-d1-c', 'Closing the day']]);
    const agenda = readAgenda(dir);
    expect(agenda.retired).toEqual(['w1-d1-b']);
    expect(agenda.sessions.map((s) => s.id)).toEqual(['w1-d1-a', 'w1-d1-c', 'w4-d1-a']);
  });
});

describe('frab/pretalx schedule XML', () => {
  it('gives the same agenda as the JSON export of the same schedule', async () => {
    const fromJson = contentCopy();
    const fromXml = contentCopy();
    await importFile(fixture('schedule.json'), { contentDir: fromJson });
    const report = await importFile(fixture('schedule.xml'), { contentDir: fromXml });
    expect(report.problems).toEqual([]);
    const strip = (dir: string) => readAgenda(dir).sessions.map(({ title, description, ...rest }) => ({ ...rest, title: title.en, description: description.en }));
    const json = strip(fromJson);
    // the JSON fixture has pretalx's multilingual title for one talk and "and" where the XML has "&"
    expect(strip(fromXml).map((s) => [s.id, s.date, s.start, s.end, s.week, s.topic, s.source, s.title])).toEqual(json.map((s) => [s.id, s.date, s.start, s.end, s.week, s.topic, s.source, s.title]));
    expect(readAgenda(fromXml).sessions[1]!.description.en).toBe('Informal workers & the self-employed.');
    // url is the page; a link titled "Slides" is the materials
    expect(readAgenda(fromXml).sessions[2]!.links).toEqual({ page: 'https://pretalx.example.org/ckex2021/talk/JK56LM/', materials: 'https://pretalx.example.org/ckex2021/talk/JK56LM/slides.pdf' });
    expect(readAgenda(fromJson).sessions[2]!.links).toEqual(readAgenda(fromXml).sessions[2]!.links);
  });

  it('names each bad event by its line and the fix, and writes nothing', async () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, 'agenda.json'), 'utf8');
    const report = await importFile(fixture('schedule-bad.xml'), { contentDir: dir });
    expect(report.written).toBe(false);
    expect(report.problems).toEqual([
      { line: 80, problem: '"Weekend social" is on 2021-05-23, a weekend', fix: 'move it to a weekday of the event' },
      { line: 93, problem: 'the duration "soon" is not a length of time', fix: 'give "duration" as HH:MM, such as 01:30' },
    ]);
    expect(formatReport(report)).toContain('Refused: nothing was written. 2 problems to fix:\n  line 80: "Weekend social" is on 2021-05-23, a weekend; move it to a weekday of the event');
    expect(readFileSync(join(dir, 'agenda.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('CSV', () => {
  it('reads one row a session with texts per language; a missing translation falls back, marked', async () => {
    const dir = contentCopy();
    const report = await importFile(fixture('sessions.csv'), { contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.untranslated).toEqual([{ id: 'w2-d2-a', title: 'Digital payments for social protection', missing: { title: ['ar'], description: ['ar'] } }]);
    const [opening, payments, disability] = readAgenda(dir).sessions;
    expect(opening).toMatchObject({ id: 'w1-d1-a', source: 'key:opening', start: '08:30', end: '10:00', links: OPENING_LINKS });
    expect(opening!.speakers).toEqual([
      { en: 'World Bank SPJ staff', fr: 'Personnel SPJ de la Banque mondiale', ar: 'موظفو قطاع الحماية الاجتماعية والوظائف بالبنك الدولي' },
      { en: 'Country case study', fr: 'Étude de cas de pays', ar: 'دراسة حالة قطرية' },
    ]);
    expect(opening!.untranslated).toBeUndefined();
    expect(payments).toMatchObject({ id: 'w2-d2-a', originalLanguage: 'en', untranslated: ['ar'] });
    expect(payments!.title.ar).toBe('Digital payments for social protection');
    expect(payments!.title.fr).toBe('Paiements numériques pour la protection sociale');
    expect(disability).toMatchObject({ id: 'w4-d3-a', topic: 'disability', week: 4 });
  });

  it('names every bad row with its line and the fix; the agenda file is untouched', async () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, 'agenda.json'));
    const report = await importFile(fixture('sessions-bad.csv'), { contentDir: dir });
    expect(report.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(report.problems[2]).toEqual({ line: 5, problem: '"Week mismatch" says week 3 but 2021-05-12 is in week 2', fix: 'fix the date or the week' });
    expect(report.problems[3]!.fix).toBe('write it as YYYY-MM-DD, such as 2021-05-04');
    expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
  });

  it('counts lines across quoted fields that hold line breaks', async () => {
    const dir = contentCopy();
    const file = variant('sessions.csv', (t) => t.replace('"Framing presentation, then country case studies."', '"Framing presentation,\nthen country case studies."').replace('2021-05-26,08:30', '2021-05-29,08:30'));
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([{ line: 5, problem: '"Social protection for persons with disabilities" is on 2021-05-29, a weekend', fix: 'move it to a weekday of the event' }]);
  });

  it('two rows with one key are refused, naming both lines', async () => {
    const dir = contentCopy();
    const file = variant('sessions.csv', (t) => t.replace('payments,2021-05-11', 'opening,2021-05-11'));
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([{ line: 3, problem: 'this session has the same key as the one on line 2 (key:opening)', fix: 'give each session its own guid, UID or key, or remove the duplicate' }]);
  });

  it('a library CSV replaces content/resources.json, missing translations taking the original', async () => {
    const dir = contentCopy();
    const report = await importFile(fixture('resources.csv'), { contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.format).toBe('csv-resources');
    expect(report.resources!.added).toEqual(['Linking cash assistance and social protection in Jordan']);
    const library = JSON.parse(readFileSync(join(dir, 'resources.json'), 'utf8'));
    expect(library.resources).toHaveLength(1);
    expect(library.resources[0]).toMatchObject({ id: 'jordan-cash-brief', weeks: [1, 3], topics: ['fcv'], countries: ['JO'] });
    expect(library.resources[0].title.ar).toBe('Linking cash assistance and social protection in Jordan');
    expect(() => loadContent(dir)).not.toThrow();
  });
});

describe('iCalendar', () => {
  it('reads VEVENTs in a named zone, UTC and an Outlook zone; UIDs keep ids', async () => {
    const dir = contentCopy();
    const report = await importFile(fixture('agenda.ics'), { contentDir: dir });
    expect(report.problems).toEqual([]);
    const [lmis, ageing, urban] = readAgenda(dir).sessions;
    expect(lmis).toMatchObject({ id: 'w2-d4-a', date: '2021-05-13', start: '08:30', end: '10:00', source: 'uid:ckex-2021-labour-market@example.org', links: { page: 'https://example.org/ckex/lmis' } });
    expect(lmis!.description.en).toBe('Data on jobs and skills, used to match workers and vacancies.');
    expect(lmis!.speakers[0]!.en).toBe('World Bank SPJ staff');
    expect(ageing).toMatchObject({ id: 'w4-d2-a', start: '08:30', end: '10:00', topic: 'ageing', originalLanguage: 'fr', untranslated: ['en', 'ar'] });
    expect(ageing!.title.en).toBe('Vieillissement de la population et soins de longue durée');
    expect(urban).toMatchObject({ id: 'w4-d2-b', start: '10:30', end: '12:00', topic: 'urban' });
    const again = await importFile(fixture('agenda.ics'), { contentDir: dir });
    expect(again.sessions!.unchanged).toBe(3);
  });

  it('an all-day event is named by its line', async () => {
    const dir = contentCopy();
    const file = variant('agenda.ics', (t) => t.replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nUID:allday@example.org\r\nDTSTAMP:20210420T120000Z\r\nDTSTART;VALUE=DATE:20210514\r\nSUMMARY:Reading day\r\nEND:VEVENT\r\nEND:VCALENDAR'));
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.line).toBe(file ? readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('UID:allday')) : 0);
    expect(report.problems[0]!.problem).toContain('no start time');
  });
});

describe('dry run and atomic writes', () => {
  it('--dry-run reports and writes nothing', async () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, 'agenda.json'));
    const report = await importFile(fixture('schedule.json'), { contentDir: dir, dryRun: true });
    expect(report.written).toBe(false);
    expect(report.sessions!.added).toHaveLength(3);
    expect(formatReport(report)).toContain('Dry run:');
    expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
  });

  it('an https:// link the bot would refuse (no domain name) is left out, not the agenda; nothing half-written', async () => {
    const dir = contentCopy();
    await importFile(fixture('schedule.json'), { contentDir: dir });
    const file = variant('schedule.json', (t) => t.replace('"url": "https://pretalx.example.org/ckex2021/talk/AB12CD/"', '"url": "https://exa_mple.org/x"'));
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(report.leftOutLinks).toEqual([{ line: report.leftOutLinks[0]!.line, id: 'w1-d1-a', kind: 'page', address: 'https://exa_mple.org/x', why: 'no domain name' }]);
    expect(report.sessions!.changed.map((c) => [c.id, c.fields])).toEqual([['w1-d1-a', ['links']]]);
    expect(readAgenda(dir).sessions[0]!.links).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a file that is not a schedule is refused with the fix', async () => {
    const dir = contentCopy();
    const file = variant('schedule.json', () => '{"version": 1}');
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([{ line: 0, problem: 'no schedule.conference.days in this JSON', fix: 'use the schedule export (schedule.json) of pretalx or frab' }]);
  });
});

describe('time zones of a schedule', () => {
  it('a date with no offset is read in the schedule\'s own time_zone_name', async () => {
    const dir = contentCopy();
    const file = variant('schedule.json', (t) => t.replace('"time_zone_name": "America/New_York"', '"time_zone_name": "Europe/Berlin"').replace('"date": "2021-05-03T11:00:00-04:00"', '"date": "2021-05-03T17:00:00"'));
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(readAgenda(dir).sessions[1]).toMatchObject({ date: '2021-05-03', start: '11:00', end: '12:00' });
  });
});

describe('npm run import', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', cwd: join(fileURLToPath(import.meta.url), '..', '..', '..') });

  it('prints the report; --dry-run writes nothing; bad rows exit 1', () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, 'agenda.json'));
    const dry = run(fixture('schedule.json'), '--dry-run', '--content', dir);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('Added 3, changed 0, removed 36, unchanged 0.');
    expect(dry.stdout).toContain(`Dry run: ${join(dir, 'agenda.json')} is unchanged.`);
    expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
    const bad = run(fixture('sessions-bad.csv'), '--content', dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('line 4: "Ends before it starts" ends (10:00) before it starts (11:00); fix the end time');
    expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
    const real = run(fixture('schedule.json'), '--content', dir);
    expect(real.status).toBe(0);
    expect(readAgenda(dir).sample).toBe(false);
    expect(run().status).toBe(2);
  });
});

describe('letters follow the clock', () => {
  it('new sessions of one day take letters in the order they start, whatever room lists them first', async () => {
    const dir = contentCopy();
    // a second room whose 08:00 talk is listed after the first room's 09:00 and 11:00 talks
    const file = variant('schedule.json', (t) =>
      t.replace(
        '"Plenary": [\n              {\n                "id": 101,',
        '"Side room": [{ "guid": "side-0800", "date": "2021-05-03T08:00:00-04:00", "start": "08:00", "duration": "00:45", "title": "Early breakout", "language": "en", "abstract": "Before the opening.", "persons": [] }],\n            "Plenary": [\n              {\n                "id": 101,',
      ),
    );
    const report = await importFile(file, { contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(readAgenda(dir).sessions.slice(0, 3).map((s) => [s.id, s.start])).toEqual([['w1-d1-a', '08:00'], ['w1-d1-b', '09:00'], ['w1-d1-c', '11:00']]);
  });
});

describe('links: page, join, materials, recording (issue 15)', () => {
  it('a CSV round trip keeps every link; importing it again reports no change', async () => {
    const dir = contentCopy();
    const first = await importFile(fixture('sessions.csv'), { contentDir: dir });
    expect(first.problems).toEqual([]);
    const written = readAgenda(dir);
    expect(written.sessions[0]!.links).toEqual(OPENING_LINKS);
    expect(written.sessions[1]!.links).toBeUndefined();
    // the file holds the links by kind, in one order, and the bot loads it
    const raw = JSON.parse(readFileSync(join(dir, 'agenda.json'), 'utf8'));
    expect(Object.keys(raw.sessions[0].links)).toEqual(['page', 'join', 'materials', 'recording']);
    expect(raw.sessions[1]).not.toHaveProperty('links');
    expect(loadContent(dir).agenda.sessions[0]!.links).toEqual(OPENING_LINKS);
    const again = await importFile(fixture('sessions.csv'), { contentDir: dir });
    expect(again.sessions).toEqual({ added: [], changed: [], removed: [], unchanged: 3 });
    expect(formatReport(again)).toContain('Added 0, changed 0, removed 0, unchanged 3.');
    expect(readAgenda(dir).sessions).toEqual(written.sessions);
  });

  it('a changed link is a change: the report says links, and the sequence goes up', async () => {
    const dir = contentCopy();
    await importFile(fixture('sessions.csv'), { contentDir: dir });
    const moved = variant('sessions.csv', (t) => t.replace('https://meet.example.org/j/ckex-opening', 'https://meet.example.org/j/ckex-opening-2'));
    const report = await importFile(moved, { contentDir: dir });
    expect(report.sessions!.changed).toEqual([{ id: 'w1-d1-a', title: 'Opening: expanding coverage for all', when: '2021-05-03 08:30–10:00', fields: ['links'] }]);
    expect(readAgenda(dir).sessions[0]).toMatchObject({ sequence: 1, links: { join: 'https://meet.example.org/j/ckex-opening-2' } });
  });

  it('a CSV link the bot cannot show is left out and listed, the session kept; the old links column takes one address, as the page', async () => {
    const dir = contentCopy();
    const http = variant('sessions.csv', (t) => t.replace('https://example.org/ckex/opening/recording', 'http://example.org/ckex/opening/recording').replace('https://meet.example.org/j/ckex-opening', 'https://user:secret@meet.example.org/j/ckex-opening'));
    const left = await importFile(http, { contentDir: dir });
    expect(left.problems).toEqual([]);
    expect(left.leftOutLinks).toEqual([
      { line: 2, id: 'w1-d1-a', kind: 'join', address: 'https://user:secret@meet.example.org/j/ckex-opening', why: 'a user name or password in it' },
      { line: 2, id: 'w1-d1-a', kind: 'recording', address: 'http://example.org/ckex/opening/recording', why: 'not https://' },
    ]);
    expect(readAgenda(dir).sessions[0]!.links).toEqual({ page: OPENING_LINKS.page, materials: OPENING_LINKS.materials });
    const text = formatReport(left);
    expect(text).toContain('Left out 1 link that is not https://, first at line 2 (the bot never shows them):\n  line 2  w1-d1-a  recording  http://example.org/ckex/opening/recording');
    expect(text).toContain('Left out 1 https:// link the bot cannot open, first at line 2:\n  line 2  w1-d1-a  join  https://user:secret@meet.example.org/j/ckex-opening  (a user name or password in it)');
    // a file with the links column of earlier versions
    const old = variant('sessions.csv', (t) => t.replace('page_url,join_url,materials_url,recording_url', 'links,join_url,materials_url,recording_url'));
    const report = await importFile(old, { contentDir: dir });
    expect(report.problems).toEqual([]);
    expect(readAgenda(dir).sessions[0]!.links).toEqual(OPENING_LINKS);
    const two = variant('sessions.csv', (t) => t.replace('page_url,join_url,materials_url,recording_url', 'links,join_url,materials_url,recording_url').replace(',https://example.org/ckex/opening,', ',https://example.org/ckex/opening; https://example.org/more,'));
    expect((await importFile(two, { contentDir: dir })).problems).toEqual([
      { line: 2, problem: 'the links column holds 2 addresses', fix: 'put each in its own column: page_url, join_url, materials_url, recording_url' },
    ]);
  });

  it('frab: url is the page, links[] by title (slides: materials; recording), an http url refused with its line', async () => {
    const dir = contentCopy();
    const file = variant('schedule.json', (t) => t.replace('"links": [{ "url": "https://pretalx.example.org/ckex2021/talk/JK56LM/slides.pdf", "title": "Slides" }]', '"links": [{ "url": "https://pretalx.example.org/ckex2021/talk/JK56LM/slides.pdf", "title": "Slides" }, { "url": "https://video.example.org/v/jk56lm", "title": "Recording" }, { "url": "https://example.org/elsewhere", "title": "Our partner" }]'));
    expect((await importFile(file, { contentDir: dir })).problems).toEqual([]);
    expect(readAgenda(dir).sessions[2]!.links).toEqual({ page: 'https://pretalx.example.org/ckex2021/talk/JK56LM/', materials: 'https://pretalx.example.org/ckex2021/talk/JK56LM/slides.pdf', recording: 'https://video.example.org/v/jk56lm' });
    // An http page (a self-hosted pretalx) and an http recording before an https one: both left out, the https one kept.
    const http = variant('schedule.json', (t) =>
      t
        .replace('"url": "https://pretalx.example.org/ckex2021/talk/EF34GH/"', '"url": "http://pretalx.example.org/ckex2021/talk/EF34GH/"')
        .replace('"links": [{ "url": "https://pretalx.example.org/ckex2021/talk/JK56LM/slides.pdf", "title": "Slides" }]', '"links": [{ "url": "http://video.example.org/v/jk56lm", "title": "Recording" }, { "url": "https://video.example.org/v/jk56lm", "title": "Recording" }]'),
    );
    const left = await importFile(http, { contentDir: dir });
    expect(left.problems).toEqual([]);
    expect(left.leftOutLinks.map((l) => [l.line, l.id, l.kind, l.address])).toEqual([
      [48, 'w1-d1-b', 'page', 'http://pretalx.example.org/ckex2021/talk/EF34GH/'],
      [79, 'w4-d1-a', 'recording', 'http://video.example.org/v/jk56lm'],
    ]);
    const sessions = readAgenda(dir).sessions;
    expect(sessions.find((s) => s.id === 'w1-d1-b')!.links).toBeUndefined();
    expect(sessions[2]!.links).toEqual({ page: 'https://pretalx.example.org/ckex2021/talk/JK56LM/', recording: 'https://video.example.org/v/jk56lm' });
  });

  it('iCalendar: URL is the page; an https CONFERENCE (RFC 7986) or a Teams/Google meeting address is the join link; tel: is not', async () => {
    const dir = contentCopy();
    const file = variant('agenda.ics', (t) =>
      t
        .replace('URL:https://example.org/ckex/lmis\r\n', 'URL:https://example.org/ckex/lmis\r\nCONFERENCE;VALUE=URI;FEATURE=PHONE:tel:+1-555-0100\r\nCONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO;LABEL=Join:https://meet.example.org/j/lmis\r\n')
        .replace('UID:ckex-2021-ageing@example.org\r\n', 'UID:ckex-2021-ageing@example.org\r\nX-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0\r\n'),
    );
    expect(readFileSync(file, 'utf8')).toContain('CONFERENCE;VALUE=URI;FEATURE=AUDIO');
    expect((await importFile(file, { contentDir: dir })).problems).toEqual([]);
    const [lmis, ageing, urban] = readAgenda(dir).sessions;
    expect(lmis!.links).toEqual({ page: 'https://example.org/ckex/lmis', join: 'https://meet.example.org/j/lmis' });
    expect(ageing!.links).toEqual({ join: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0' });
    expect(urban!.links).toBeUndefined();
    expect((await importFile(file, { contentDir: dir })).sessions!.unchanged).toBe(3);    // An http URL (a calendar on a local server) is left out and listed; the join address stays.
    const http = variant('agenda.ics', (t) => t.replace('URL:https://example.org/ckex/lmis', 'URL:http://example.org/ckex/lmis'));
    const left = await importFile(http, { contentDir: dir });
    expect(left.problems).toEqual([]);
    expect(left.leftOutLinks.map((l) => [l.id, l.kind, l.address, l.why])).toEqual([[lmis!.id, 'page', 'http://example.org/ckex/lmis', 'not https://']]);
    expect(readAgenda(dir).sessions[0]!.links).toBeUndefined();
  });

  it('an agenda written before links had kinds ("links": [...]) is read, its first address the page; the next import writes the new shape', async () => {
    const dir = contentCopy();
    await importFile(fixture('schedule.xml'), { contentDir: dir });
    // what the previous version of the import wrote for the same schedule
    const raw = JSON.parse(readFileSync(join(dir, 'agenda.json'), 'utf8'));
    raw.sessions[0].links = ['https://pretalx.example.org/ckex2021/talk/AB12CD/'];
    raw.sessions[2].links = ['https://pretalx.example.org/ckex2021/talk/JK56LM/', 'https://pretalx.example.org/ckex2021/talk/JK56LM/slides.pdf'];
    writeFileSync(join(dir, 'agenda.json'), JSON.stringify(raw, null, 2));
    expect(loadContent(dir).agenda.sessions[2]!.links).toEqual({ page: 'https://pretalx.example.org/ckex2021/talk/JK56LM/' });
    const report = await importFile(fixture('schedule.xml'), { contentDir: dir });
    // the page was already known; the slides are now placed as materials
    expect(report.sessions!.changed.map((c) => [c.id, c.fields])).toEqual([['w4-d1-a', ['links']]]);
    expect(report.sessions!.unchanged).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, 'agenda.json'), 'utf8')).sessions[0].links).toEqual({ page: 'https://pretalx.example.org/ckex2021/talk/AB12CD/' });
    expect((await importFile(fixture('schedule.xml'), { contentDir: dir })).sessions!.unchanged).toBe(3);
  });

  it('a library CSV url becomes the item\'s url; an http one is left out and listed, the item kept', async () => {
    const dir = contentCopy();
    const withUrl = variant('resources.csv', (t) => t.replace('tags_en,tags_fr,tags_ar', 'tags_en,tags_fr,tags_ar,url').replace('"espèces; réfugiés",', '"espèces; réfugiés",,https://www.calpnetwork.org/publication/jordan-cash-brief/'));
    expect((await importFile(withUrl, { contentDir: dir })).problems).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'resources.json'), 'utf8')).resources[0].url).toBe('https://www.calpnetwork.org/publication/jordan-cash-brief/');
    expect((await importFile(withUrl, { contentDir: dir })).resources).toMatchObject({ changed: [], unchanged: 1 });
    const http = variant('resources.csv', (t) => t.replace('tags_en,tags_fr,tags_ar', 'tags_en,tags_fr,tags_ar,url').replace('"espèces; réfugiés",', '"espèces; réfugiés",,http://www.calpnetwork.org/x'));
    const left = await importFile(http, { contentDir: dir });
    expect(left.problems).toEqual([]);
    expect(left.leftOutLinks).toEqual([{ line: 2, kind: 'url', address: 'http://www.calpnetwork.org/x', why: 'not https://' }]);
    expect(formatReport(left)).toContain('Left out 1 link that is not https://, first at line 2 (the bot never shows them):\n  line 2  url  http://www.calpnetwork.org/x');
    expect(JSON.parse(readFileSync(join(dir, 'resources.json'), 'utf8')).resources[0]).not.toHaveProperty('url');
  });
});
