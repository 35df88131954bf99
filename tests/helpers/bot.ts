// A whole core on a temp DATA_DIR with a clock the test moves: say a line, read the reply.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripBidi } from '../../src/core/i18n/bidi.js';
import { boot } from '../../src/app/boot.js';
import type { Booted } from '../../src/commands/booted.js';
import { ManualClock } from '../../src/core/clock.js';
import { readConfig } from '../../src/core/config.js';
import { renderText } from '../../src/bots/console/render-text.js';
import { commandWords } from '../../src/views/command-words.js';
import type { Caller, HandleOptions } from '../../src/core/context.js';
import type { Reply } from '../../src/core/reply.js';

export const tempDir = (prefix = 'ckex-'): string => mkdtempSync(join(tmpdir(), prefix));

export interface TestBot extends Booted {
  clock: ManualClock;
  dataDir: string;
  reply(text: string, caller?: Partial<Caller>, options?: HandleOptions): Promise<Reply>;
  say(text: string, caller?: Partial<Caller>, options?: HandleOptions): Promise<string>;
}

export async function testBot(now: string, env: Record<string, string> = {}): Promise<TestBot> {
  const dataDir = env.DATA_DIR ?? tempDir();
  const clock = new ManualClock(now);
  const booted = await boot(readConfig({ DATA_DIR: dataDir, ...env }), clock);
  const reply = (text: string, caller: Partial<Caller> = {}, options: HandleOptions = {}) => booted.dispatcher.handle({ id: 'test:user', ...caller }, text, options);
  return {
    ...booted,
    clock,
    dataDir,
    reply,
    say: async (text, caller, options) => stripBidi(renderText(await reply(text, caller, options), commandWords(booted.dispatcher.registry, booted.core.i18n))),
  };
}
