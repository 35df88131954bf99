// `npm run import -- FILE --shift-to YYYY-MM-DD`: a programme of other dates moved by whole days into the event; a
// session that lands on a weekend or outside the event is refused with both dates named, never dropped.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatReport, importFile } from '../../src/importers/index.js';
import { shiftSessions } from '../../src/importers/shift.js';
import type { SourceSession } from '../../src/importers/types.js';
import { contentCopy, fixture, readAgenda } from './helpers.js';

const REAL = fixture('real/pretalx-rc3-channels-2020.json');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', cwd: join(fileURLToPath(import.meta.url), '..', '..', '..') });

const session = (date: string): SourceSession => ({ line: 1, date, start: '09:00', end: '10:00', title: { en: 'T' }, description: {}, speakers: [], links: {} });

describe('shiftSessions', () => {
  it('moves every date by the whole days from the declared first day to the target, times kept, the old date remembered', () => {
    const { read, shift } = shiftSessions({ format: 'x', problems: [], firstDay: '2020-12-27', sessions: [session('2020-12-28'), session('2020-12-30')] }, '2021-05-03');
    expect(shift).toEqual({ from: '2020-12-27', to: '2021-05-03', days: 127 });
    expect(read.sessions.map((s) => [s.date, s.start, s.shiftedFrom])).toEqual([['2021-05-04', '09:00', '2020-12-28'], ['2021-05-06', '09:00', '2020-12-30']]);
  });

  it('without a declared first day, the earliest session is the first day; a shift may go back', () => {
    const { read, shift } = shiftSessions({ format: 'x', problems: [], sessions: [session('2021-05-25'), session('2021-05-13')] }, '2021-05-06');
    expect(shift).toEqual({ from: '2021-05-13', to: '2021-05-06', days: -7 });
    expect(read.sessions.map((s) => s.date)).toEqual(['2021-05-18', '2021-05-06']);
  });
});

describe('importFile with shiftTo', () => {
  it('a frab/pretalx file is anchored on its conference start: the real export’s first day lands on the date given', async () => {
    const dir = contentCopy();
    const report = await importFile(REAL, { contentDir: dir, shiftTo: '2021-05-10' });
    expect(report.problems).toEqual([]);
    expect(report.shift).toEqual({ from: '2020-12-27', to: '2021-05-10', days: 134 });
    expect(formatReport(report)).toContain("Dates moved by 134 days (--shift-to): the file's first day 2020-12-27 is now 2021-05-10.");
    expect([...new Set(readAgenda(dir).sessions.map((s) => `${s.date} w${s.week}`))]).toEqual(['2021-05-10 w2', '2021-05-11 w2', '2021-05-12 w2', '2021-05-13 w2']);
    expect(readAgenda(dir).sessions[0]!.id).toBe('w2-d1-a');
  });

  it('sessions that would land on a weekend are each refused with both dates, and nothing is written', async () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, 'agenda.json'));
    // From Thursday 6 May, the export's third and fourth days are Saturday 8 and Sunday 9 May.
    const report = await importFile(REAL, { contentDir: dir, shiftTo: '2021-05-06' });
    expect(report.written).toBe(false);
    expect(report.problems).toHaveLength(21);
    expect(report.problems[0]).toEqual({
      line: 2046,
      problem: '"Artificial Intelligence? - more like Artificial Stupidity!" is on 2021-05-08 (2020-12-29 before --shift-to), a weekend',
      fix: 'move it to a weekday of the event, or choose another --shift-to',
    });
    expect(report.problems.at(-1)!.problem).toContain('is on 2021-05-09 (2020-12-30 before --shift-to), a weekend');
    expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
  });

  it('sessions moved past the event are refused too (XML, anchored on its <conference><start>)', async () => {
    const report = await importFile(fixture('schedule.xml'), { contentDir: contentCopy(), shiftTo: '2021-05-10' });
    expect(report.shift).toEqual({ from: '2021-05-03', to: '2021-05-10', days: 7 });
    expect(report.problems.map((p) => p.problem)).toEqual([
      `"Confronting gender-based violence through SPJ programs" is on 2021-05-31 (2021-05-24 before --shift-to), outside the event's weeks (2021-05-03 to 2021-05-26)`,
    ]);
  });

  it('an iCalendar file is anchored on its earliest session; a whole-week shift keeps the weekdays', async () => {
    const dir = contentCopy();
    const report = await importFile(fixture('agenda.ics'), { contentDir: dir, shiftTo: '2021-05-06' });
    expect(report.problems).toEqual([]);
    expect(report.shift).toEqual({ from: '2021-05-13', to: '2021-05-06', days: -7 });
    expect(readAgenda(dir).sessions.map((s) => [s.date, s.week])).toEqual([['2021-05-06', 1], ['2021-05-18', 3], ['2021-05-18', 3]]);
  });

  it.each([
    ['2021-05-08', '--shift-to 2021-05-08 is a Saturday, not a day of the event'],
    ['2021-06-01', '--shift-to 2021-06-01 is outside the event (2021-05-03 to 2021-05-26)'],
    ['3 May', '--shift-to "3 May" is not a date'],
    ['2021-02-30', '--shift-to "2021-02-30" is not a date'],
  ])('refuses the target %s before reading a session', async (to, problem) => {
    const report = await importFile(REAL, { contentDir: contentCopy(), shiftTo: to });
    expect(report.problems.map((p) => p.problem)).toEqual([problem]);
    expect(report.written).toBe(false);
  });

  it('a library CSV has no sessions to move', async () => {
    const report = await importFile(fixture('resources.csv'), { contentDir: contentCopy(), shiftTo: '2021-05-03' });
    expect(report.problems.map((p) => p.problem)).toEqual(['--shift-to moves sessions, and this is a library CSV']);
  });
});

describe('npm run import -- FILE --shift-to DATE', () => {
  it('prints the shift with the report; a weekend landing exits 1; a missing date or an unknown option is a usage error', () => {
    const dir = contentCopy();
    const dry = run(REAL, '--shift-to', '2021-05-03', '--dry-run', '--content', dir);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("Dates moved by 127 days (--shift-to): the file's first day 2020-12-27 is now 2021-05-03.");
    expect(dry.stdout).toContain('Added 48, changed 0, removed 36, unchanged 0.');
    const weekend = run(REAL, '--content', dir, '--shift-to', '2021-05-06');
    expect(weekend.status).toBe(1);
    expect(weekend.stdout).toContain('Refused: nothing was written. 21 problems to fix:');
    const missing = run(REAL, '--shift-to', '--content', dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--shift-to needs a date, such as 2021-05-03');
    const unknown = run(REAL, '--shift', '2021-05-03');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --shift');
  });
});
