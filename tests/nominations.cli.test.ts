// npm run nominations -- import FILE --focal-point ID: a CSV's rows recorded for the focal point's region, or
// nothing at all when a row is wrong or the id is nobody's focal point.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../src/store/lowdb/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';

function run(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _shared, ...inherited } = process.env; // this store: the lowdb file under dataDir
  const env = { ...inherited, DATA_DIR: dataDir, CKEX_FOCAL_POINTS: 'UFP:MENA' };
  const child = spawn(process.execPath, ['--import', 'tsx', join('scripts', 'nominations.ts'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const nominations = async (dataDir: string) => {
  const store = await LowdbStore.open(dataDir, { personalPosts });
  try {
    return await store.nominationsBy('slack:T1:UFP');
  } finally {
    await store.close();
  }
};

describe('npm run nominations -- import', () => {
  it('records every row for the focal point’s region, and names those nominated already', async () => {
    const dir = tempDir();
    const csv = join(dir, 'n.csv');
    writeFileSync(csv, 'Name,Email\n"Benali, Amina",Amina@Example.org\nOmar Said,omar@example.org\n');
    const first = await run(dir, ['import', csv, '--focal-point', 'slack:T1:UFP', '--lang', 'fr']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('2 rows read; 2 nominations recorded for MENA; 0 already nominated');
    const again = await run(dir, ['import', csv, '--focal-point', 'slack:T1:UFP']);
    expect(again.stdout).toContain('0 nominations recorded for MENA; 2 already nominated');
    expect((await nominations(dir)).map((n) => [n.email, n.name, n.region, n.lang]).sort()).toEqual([
      ['amina@example.org', 'Benali Amina', 'MENA', 'fr'],
      ['omar@example.org', 'Omar Said', 'MENA', 'fr'],
    ]);
  }, 60_000);

  it('records nothing when a row is wrong or the id is not a focal point (or not on its platform)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'n.csv');
    writeFileSync(csv, 'a@example.org,A\nno email here\n');
    const bad = await run(dir, ['import', csv, '--focal-point', 'slack:T1:UFP']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 2 has no email; nothing was recorded');
    writeFileSync(csv, 'a@example.org,A\n');
    for (const id of ['slack:T1:UOTHER', 'teams:UFP']) {
      const refused = await run(dir, ['import', csv, '--focal-point', id]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is not a focal point');
    }
    expect(await nominations(dir)).toEqual([]);
  }, 60_000);

  it('answers --help with its usage (exit 0), refuses an unknown flag with it (exit 2), names a missing file', async () => {
    const dir = tempDir();
    const help = await run(dir, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('usage: npm run nominations -- import FILE.csv --focal-point');
    const odd = await run(dir, ['import', 'x.csv', '--focal-point', 'slack:T1:UFP', '--no-such-flag']);
    expect(odd.code).toBe(2);
    expect(odd.stderr).toContain("unknown option '--no-such-flag'\nusage:");
    const noFocal = await run(dir, ['import', 'x.csv']);
    expect(noFocal.code).toBe(2);
    expect(noFocal.stderr).toContain('--focal-point is missing');
    const missing = await run(dir, ['import', join(dir, 'nowhere.csv'), '--focal-point', 'slack:T1:UFP']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${join(dir, 'nowhere.csv')}: no such file`);
  }, 60_000);
});
