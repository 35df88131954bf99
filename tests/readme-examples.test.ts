// The README's example of a refused content file is the message the bot gives for that very change.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/core/content/load.js';
import { tempDir } from './helpers/bot.js';

describe('README examples', () => {
  it('"a broken file is refused with …": the first session moved to Saturday 8 May gives the message quoted', () => {
    const quoted = /e\.g\. `content\/agenda\.json: (\$\.sessions\[0\]\.date: 2021-05-08 [^`]+)`/.exec(readFileSync('README.md', 'utf8'))?.[1];
    expect(quoted).toBeDefined();
    const dir = tempDir();
    cpSync('content', dir, { recursive: true });
    const agenda = JSON.parse(readFileSync(join(dir, 'agenda.json'), 'utf8')) as { sessions: { date: string }[] };
    agenda.sessions[0]!.date = '2021-05-08';
    writeFileSync(join(dir, 'agenda.json'), JSON.stringify(agenda));
    expect(() => loadContent(dir)).toThrow(`${join(dir, 'agenda.json')}: ${quoted}`);
  });
});
