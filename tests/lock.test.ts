// The DATA_DIR lock: released with the store, and its exit listener with it, so a process (the test runner, a
// server reopening its store) that opens many stores one after another never trips Node's MaxListenersExceeded.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../src/store/lowdb/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';

describe('the DATA_DIR lock', () => {
  it('takes one exit listener while held and gives it back on close: 25 stores opened in turn leave none', async () => {
    const before = process.listenerCount('exit');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      for (let i = 0; i < 25; i++) {
        const dir = tempDir();
        const store = await LowdbStore.open(dir, { personalPosts });
        expect(process.listenerCount('exit')).toBe(before + 1);
        await store.close();
        expect(existsSync(join(dir, 'ckex.lock'))).toBe(false);
      }
      expect(process.listenerCount('exit')).toBe(before);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });
});
