// Hostile import files, each given to the real `npm run import` in a child process: time-zone rules that would
// expand for hours, files too large, readers kept busy past the deadline, and control characters in the texts the
// bot serves (a NUL or a form feed in a title would reach every calendar's SUMMARY). Each is refused with the line
// and the fix, and nothing is written.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/importers/read-limited.js';
import { contentCopy, fixture, variant } from './helpers.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
/** Well below the two minutes the SECONDLY zone ran before it was stopped: the child is killed if it runs longer. */
const TIMEOUT_MS = 20_000;
const run = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], { encoding: 'utf8', cwd: ROOT, timeout: TIMEOUT_MS, env: { ...process.env, ...env } });
const importCli = (...args: string[]) => run({}, ...args);

/** A file of `text` named `name` in a temp folder. */
function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ckex-hostile-')), name);
  writeFileSync(path, text);
  return path;
}

/** One VTIMEZONE whose STANDARD rule is `rule`, and an event in it. */
const zoneFile = (rule: string) =>
  [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Hostile//EN',
    'BEGIN:VTIMEZONE', 'TZID:Slow Time',
    'BEGIN:STANDARD', 'DTSTART:16010101T000000', `RRULE:${rule}`, 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT', 'UID:slow@example.org', 'DTSTAMP:20210420T120000Z', 'DTSTART;TZID=Slow Time:20210525T103000', 'DTEND;TZID=Slow Time:20210525T120000', 'SUMMARY:Slow', 'END:VEVENT',
    'END:VCALENDAR', '',
  ].join('\r\n');

/** The agenda must be the one it was: compare the bytes. */
function expectUnchanged(dir: string, before: Buffer): void {
  expect(readFileSync(join(dir, 'agenda.json')).equals(before)).toBe(true);
}

describe('iCalendar time zones that would expand without end', () => {
  it('a VTIMEZONE repeating each second from 1601 is refused at once, its line and the fix named', () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, 'agenda.json'));
    const result = importCli(file('secondly.ics', zoneFile('FREQ=SECONDLY')), '--content', dir);
    expect(result.error).toBeUndefined(); // not killed by the timeout
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('line 4: the time zone "Slow Time" repeats SECONDLY (RRULE:FREQ=SECONDLY); a time zone changes once or twice a year');
    expect(result.stdout).toContain('give the events an IANA TZID such as America/New_York');
    expectUnchanged(dir, before);
  });

  it('finer rules, rules within a day, rules giving too many changes and rules ical.js cannot follow are refused too', () => {
    const dir = contentCopy();
    const days = Array.from({ length: 60 }, (_, i) => i + 1).join(',');
    const cases: [string, string][] = [
      ['FREQ=DAILY', 'repeats DAILY'],
      ['FREQ=WEEKLY;BYDAY=SU', 'repeats WEEKLY'],
      ['FREQ=YEARLY;BYMONTH=3;BYHOUR=1,2,3;BYMINUTE=0,30', 'repeats within a day (BYHOUR, BYMINUTE'],
      [`FREQ=YEARLY;BYYEARDAY=${days}`, 'changes more than 20,000 times by'],
      ['FREQ=YEARLY;INTERVAL=1000000;BYMONTH=3', 'has a rule that cannot be followed'],
    ];
    for (const [rule, problem] of cases) {
      const result = importCli(file('zone.ics', zoneFile(rule)), '--dry-run', '--content', dir);
      expect(result.error, rule).toBeUndefined();
      expect(result.status, rule).toBe(1);
      expect(result.stdout, rule).toContain(`line 4: the time zone "Slow Time" ${problem}`);
    }
    // a yearly rule, as Outlook writes it, and a monthly one still import
    for (const rule of ['FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', 'FREQ=MONTHLY;BYDAY=1SU']) {
      const result = importCli(file('zone.ics', zoneFile(rule)), '--dry-run', '--content', dir);
      expect(result.status, rule).toBe(0);
      expect(result.stdout, rule).toContain('Added 1, changed 0, removed 36');
    }
  });

  it('a recurring VEVENT is refused: the bot would keep only its first occurrence, and never expands it', () => {
    const dir = contentCopy();
    const recurring = variant('agenda.ics', (t) => t.replace('SUMMARY:Urbanisation: urban poverty\r\n', 'SUMMARY:Urbanisation: urban poverty\r\nRRULE:FREQ=SECONDLY\r\n'));
    const result = importCli(recurring, '--dry-run', '--content', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('line 42: the VEVENT repeats (RRULE:FREQ=SECONDLY); give each session its own VEVENT with its own UID, or remove the RRULE or RDATE to keep the first alone');
  });
});

describe('the size and the time an import may take', () => {
  it(`a file over ${MAX_IMPORT_BYTES / 1024 / 1024} MB is refused before it is read, in every format`, () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, 'agenda.json'));
    const over = MAX_IMPORT_BYTES + 100 * 1024;
    const files: [string, string][] = [
      ['sessions.csv', `${readFileSync(fixture('sessions.csv'), 'utf8')}${'\n'.repeat(over)}`],
      ['schedule.json', `${readFileSync(fixture('schedule.json'), 'utf8')}${' '.repeat(over)}`],
      ['schedule.xml', `${readFileSync(fixture('schedule.xml'), 'utf8')}${' '.repeat(over)}`],
      ['agenda.ics', `${readFileSync(fixture('agenda.ics'), 'utf8')}${'\r\n'.repeat(over / 2)}`],
    ];
    for (const [name, text] of files) {
      const result = importCli(file(name, text), '--content', dir);
      expect(result.status, name).toBe(1);
      expect(result.stdout, name).toMatch(new RegExp(`file: ${name.replace('.', '\\.')} is 5\\.1\\d* MB, more than the 5 MB an import reads; export this event's sessions alone`));
    }
    expectUnchanged(dir, before);
  });

  it('a file that keeps the reader busy past the deadline is stopped, and says how to give more time', () => {
    const dir = contentCopy();
    const before = readFileSync(join(dir, 'agenda.json'));
    // 40,000 events: every check passes, and reading them takes several seconds
    const events = Array.from({ length: 40_000 }, (_, i) => `BEGIN:VEVENT\r\nUID:${i}\r\nDTSTART:20210503T130000Z\r\nDTEND:20210503T140000Z\r\nSUMMARY:T${i}\r\nEND:VEVENT\r\n`);
    const slow = file('many.ics', `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${events.join('')}END:VCALENDAR\r\n`);
    const result = run({ CKEX_IMPORT_TIMEOUT_SECONDS: '1' }, slow, '--content', dir);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`import failed: ${slow}: reading it took more than 1 s, and it was stopped; nothing was written.`);
    expect(result.stderr).toContain('CKEX_IMPORT_TIMEOUT_SECONDS gives a slow machine more time');
    expectUnchanged(dir, before);
  });
});

describe('control characters in titles, speakers and descriptions', () => {
  const HOSTILE = 'Dig\u0000ital\u000b pay\u000cments';
  const cases: [name: string, edit: (t: string) => string, line: number][] = [
    ['sessions.csv', (t) => t.replace('"Digital payments', `"${HOSTILE}`), 3],
    ['schedule.json', (t) => t.replace('"Reaching the missing middle"', JSON.stringify(`Reaching ${HOSTILE}`)), 48],
    ['schedule.xml', (t) => t.replace('<title>Reaching the missing middle', `<title>Reaching ${HOSTILE}`), 38],
    ['agenda.ics', (t) => t.replace('SUMMARY:Urbanisation', `SUMMARY:${HOSTILE}`), 42],
  ];
  for (const [name, edit, line] of cases) {
    it(`${name}: a NUL, a vertical tab or a form feed in a title is refused with its line, written out, never printed`, () => {
      const dir = contentCopy();
      const before = readFileSync(join(dir, 'agenda.json'));
      const result = importCli(variant(name, edit), '--content', dir);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`line ${line}: the title "[^"]*Dig<U\\+0000>ital<U\\+000B> pay<U\\+000C>ments[^"]*" holds the control character U\\+0000 \\(NUL\\) at character \\d+; remove it: a title is one line of plain text`));
      expect(result.stdout).not.toMatch(/[\u0000\u000b\u000c]/);
      expectUnchanged(dir, before);
    });
  }

  it('a speaker with an escape and a description with a form feed are refused; a description may hold line breaks', () => {
    const dir = contentCopy();
    const speaker = importCli(variant('schedule.json', (t) => t.replace('"public_name": "World Bank SPJ staff"', '"public_name": "World Bank\\u001b[2J SPJ staff"')), '--dry-run', '--content', dir);
    expect(speaker.status).toBe(1);
    expect(speaker.stdout).toContain('the speaker "World Bank<U+001B>[2J SPJ staff" holds the control character U+001B (escape) at character 11');
    expect(speaker.stdout).not.toContain('\u001b');
    const description = importCli(variant('sessions.csv', (t) => t.replace('"G2P payments, accounts', '"G2P\fpayments, accounts')), '--dry-run', '--content', dir);
    expect(description.stdout).toContain('line 3: the description "G2P<U+000C>payments, accounts and mobile money." holds the control character U+000C (form feed) at character 4; remove it: a description may hold line breaks and tabs');
    const lines = importCli(variant('sessions.csv', (t) => t.replace('"G2P payments, accounts', '"G2P payments,\r\n\taccounts')), '--dry-run', '--content', dir);
    expect(lines.status).toBe(0);
    // a line break in a title is refused: a title is one line
    const title = importCli(variant('sessions.csv', (t) => t.replace('"Digital payments', '"Digital\npayments')), '--dry-run', '--content', dir);
    expect(title.stdout).toContain('line 3: the title "Digital<U+000A>payments for social protection" holds the control character U+000A (line feed)');
  });

  it('a library CSV: a control character in a title is refused with its line', () => {
    const dir = contentCopy();
    const result = importCli(variant('resources.csv', (t) => t.replace('"Lier l\'aide', '"Lier\u0007 l\'aide')), '--dry-run', '--content', dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('line 2: the title "Lier<U+0007> l\'aide en espèces et la protection sociale en Jordanie" holds the control character U+0007 at character 5');
  });

  it('a content file holding one is refused at start-up (npm run check:content), naming the file, the field and the fix', () => {
    const dir = contentCopy();
    const agenda = JSON.parse(readFileSync(join(dir, 'agenda.json'), 'utf8'));
    agenda.sessions[1].title.fr = 'Ouver\u000bture';
    writeFileSync(join(dir, 'agenda.json'), JSON.stringify(agenda));
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-content.ts', dir], { encoding: 'utf8', cwd: ROOT, timeout: TIMEOUT_MS });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(dir, 'agenda.json')}: $.sessions[1].title.fr: holds the control character U+000B (vertical tab) at character 6; remove it (a title or name is one line of plain text)`);
  });
});
