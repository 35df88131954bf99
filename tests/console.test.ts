// npm run chat end to end: piped lines in, text replies out, exit at end of input, state kept in DATA_DIR.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { tempDir } from './helpers/bot.js';

function chat(input: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/chat.ts'], {
    env: { ...process.env, NODE_ENV: 'production', LANG: 'C.UTF-8', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: stripBidi(stdout), stderr })));
}

describe('console', () => {
  it('answers today in three languages at CKEX_NOW and exits at end of input', async () => {
    const dataDir = tempDir();
    const { code, stdout } = await chat("/ckex today\nاليوم\naujourd'hui\n", { CKEX_NOW: '2021-05-04T14:00:00Z', DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(stdout).toContain('Tuesday, 4 May 2021 · week 1');
    expect(stdout).toContain('Week 1: Scaling up SPJ programs to reach more vulnerable households');
    expect(stdout).toContain('الثلاثاء، 4 مايو/أيار 2021');
    expect(stdout).toContain('Mardi 4 mai 2021');
  });

  it('takes feedback after a session, typed, and shows the organiser its report with the bars', async () => {
    const env = { CKEX_NOW: '2021-05-04T14:10:00Z', DATA_DIR: tempDir(), CKEX_ADMINS: 'console:local' };
    const { stdout } = await chat('avis w1-d2-a\nquatre\nLes exemples du Sénégal\npasser\navis rapport w1-d2-a\n', env);
    const plain = stdout.replace(/\u202f/g, ' ');
    expect(plain).toContain('Merci : votre note (4 · Très utile) est enregistrée.');
    expect(plain).toContain('Merci pour votre avis');
    expect(plain).toContain('1 réponse');
    expect(plain).toContain('4 · Très utile  ██████████  1 · 100 %');
    expect(plain).toContain('Les exemples du Sénégal (en français)');
  });

  it('remembers the language chosen, in DATA_DIR', async () => {
    const dataDir = tempDir();
    await chat('lang fr\n', { DATA_DIR: dataDir });
    const { stdout } = await chat('week 2\n', { DATA_DIR: dataDir });
    expect(stdout).toContain('Semaine 2 : Outils et innovations');
  });

  it('stops with a clear message on a bad setting', async () => {
    const { code, stderr } = await chat('today\n', { CKEX_NOW: 'soon', DATA_DIR: tempDir() });
    expect(code).toBe(1);
    expect(stderr).toContain('CKEX_NOW');
  });
});
