// The store: atomic, coalesced writes; corrupt files refused and left untouched; one process per DATA_DIR.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreRejectedError } from '../src/core/store/errors.js';
import { LowdbStore, STORE_FILE, StoreCorruptError, StoreLockedError } from '../src/store/lowdb/index.js';
import { MAX_RECORD_BYTES } from '../src/store/record-limits.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { tempDir } from './helpers/bot.js';


// node with tsx's loader, not the tsx wrapper: SIGKILL must reach the process that holds the store.
function runScript(script: string, env: Record<string, string>): { kill(): void; done: Promise<{ code: number | null; stdout: string; stderr: string }>; stdout: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', join('tests', 'fixtures', script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return {
    kill: () => child.kill('SIGKILL'),
    stdout: () => stdout,
    done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr }))),
  };
}

describe('LowdbStore', () => {
  it('keeps preferences across a restart', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir, { personalPosts });
    await store.updateUser('u1', { lang: 'ar', tz: 'Africa/Cairo' });
    await store.close();
    const again = await LowdbStore.open(dir, { personalPosts });
    expect(await again.user('u1')).toMatchObject({ lang: 'ar', tz: 'Africa/Cairo' });
    await again.close();
  });

  it('writes a versioned file and coalesces a burst of writes into a few file writes', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir, { personalPosts });
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.updateUser(`u${i}`, { lang: 'fr' })));
    expect(store.file.fileWrites).toBeLessThanOrEqual(3);
    const saved = JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8'));
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.users)).toHaveLength(200);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await store.close();
  });

  it.each([
    ['not JSON', '{"version": 1, "users": {'],
    ['wrong shape', '{"version": 1, "users": {"u1": {"lang": "de", "updatedAt": "x"}}}'],
    ['newer version', '{"version": 9, "users": {}}'],
  ])('refuses a corrupt file (%s) and leaves it untouched', async (_name, text) => {
    const dir = tempDir();
    const file = join(dir, STORE_FILE);
    writeFileSync(file, text);
    const error = await LowdbStore.open(dir, { personalPosts }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(existsSync(join(dir, 'ckex.lock'))).toBe(false);
  });

  it('refuses a record past the bounds every store shares (record-limits.ts), and only that write fails', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir, { personalPosts });
    await expect(store.updateUser('u1', { tz: 'x'.repeat(MAX_RECORD_BYTES.user) })).rejects.toBeInstanceOf(StoreRejectedError);
    await expect(store.star('u'.repeat(MAX_RECORD_BYTES.star), 'w1-d1-a', new Date().toISOString())).rejects.toBeInstanceOf(StoreRejectedError);
    await expect(store.feedToken('u'.repeat(MAX_RECORD_BYTES.feed))).rejects.toBeInstanceOf(StoreRejectedError);
    expect(await store.personalDataCounts()).toMatchObject({ stars: 0, feeds: 0 });
    await store.updateUser('u1', { tz: 'Africa/Cairo', remindMinutes: 20 });
    await store.close();
    const again = await LowdbStore.open(dir, { personalPosts });
    expect(await again.user('u1')).toMatchObject({ tz: 'Africa/Cairo', remindMinutes: 20 });
    expect(JSON.parse(readFileSync(join(dir, STORE_FILE), 'utf8'))).toMatchObject({ stars: {}, feeds: {} });
    await again.close();
  });

  it('refuses a second store on the same DATA_DIR in this process', async () => {
    const dir = tempDir();
    const store = await LowdbStore.open(dir, { personalPosts });
    await expect(LowdbStore.open(dir, { personalPosts })).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
    const again = await LowdbStore.open(dir, { personalPosts });
    await again.close();
  });

  it('refuses a second process on the same DATA_DIR, and takes over the lock of a dead one', async () => {
    const dir = tempDir();
    const holder = runScript('hold-store.ts', { DATA_DIR: dir });
    await expect.poll(() => holder.stdout(), { timeout: 15_000 }).toContain('ready');
    const second = runScript('hold-store.ts', { DATA_DIR: dir });
    const result = await second.done;
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('in use by another CKEx process');
    holder.kill();
    await holder.done;
    const store = await LowdbStore.open(dir, { personalPosts }); // the dead holder's lock is stale now
    await store.close();
  });

  it('loses nothing confirmed when the process is killed during a burst of writes', async () => {
    const dir = tempDir();
    const writer = runScript('write-burst.ts', { DATA_DIR: dir });
    await expect.poll(() => writer.stdout().split('\n').length, { timeout: 15_000 }).toBeGreaterThan(50);
    writer.kill();
    await writer.done;
    const confirmed = writer.stdout().match(/confirmed \d+/g) ?? [];
    const store = await LowdbStore.open(dir, { personalPosts });
    for (const line of confirmed) expect(await store.user(`u${line.split(' ')[1]}`), line).toBeDefined();
    await store.close();
  });
});
