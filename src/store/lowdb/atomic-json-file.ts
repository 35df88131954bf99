// A lowdb adapter that validates what it reads and writes atomically: temp file, fsync, rename, fsync the folder.
// Writes asked for while one is running are coalesced into one more write of the latest data. A write that fails
// (a full or failing disk) leaves the previous file as it was, removes its temp file, and takes its changes back
// in memory (each write may bring the Undo of its change) before anyone is told.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreCorruptError } from './errors.js';
import type { Undo } from './undo.js';

/** The file-system calls a write makes, in one object so that tests can make the disk fail; nothing else replaces them. */
export const disk = { open, rename, unlink };

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
  undo: Undo | undefined;
}

export class AtomicJsonFile<T> implements Adapter<T> {
  private latest: T | undefined;
  private waiters: Waiter[] = [];
  private running = false;
  private seq = 0;
  /** How many times the file was written: bursts of writes cost far fewer. */
  fileWrites = 0;
  /** The last write failed: the file may be behind memory's confirmed data (or, after a failed fsync of the folder, ahead of it). */
  failing = false;

  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreCorruptError(this.file, `cannot read it: ${(err as Error).message}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new StoreCorruptError(this.file, `not JSON: ${(err as Error).message}`);
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new StoreCorruptError(this.file, `at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    return parsed.data;
  }

  /** Writes `data`; if the write fails, `undo` (the change that asked for it) is run before the promise rejects. */
  write(data: T, undo?: Undo): Promise<void> {
    this.latest = data;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject, undo }));
    if (!this.running) void this.drain();
    return done;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiters.length > 0) {
      const waiters = this.waiters;
      this.waiters = [];
      try {
        // Inside the try: a value that cannot be serialised fails these writes, never the process.
        await this.replace(JSON.stringify(this.latest));
        this.failing = false;
        waiters.forEach((w) => w.resolve());
      } catch (err) {
        this.failing = true;
        // Changes made while this write ran were decided over the ones that failed: they fail with them. All are
        // taken back, newest first, before any caller hears of it; memory is then what the file last confirmed.
        const failed = [...waiters, ...this.waiters];
        this.waiters = [];
        for (let i = failed.length - 1; i >= 0; i--) failed[i]!.undo?.run();
        failed.forEach((w) => w.reject(err));
      }
    }
    this.running = false;
  }

  private async replace(text: string): Promise<void> {
    const tmp = join(dirname(this.file), `.${basename(this.file)}.${process.pid}.${++this.seq}.tmp`);
    try {
      const handle = await disk.open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await disk.rename(tmp, this.file);
    } catch (err) {
      // A torn temp file is a copy of the store, erased data included: never left behind (ENOENT: never made).
      await disk.unlink(tmp).catch(() => undefined);
      throw err;
    }
    // Renamed but the folder not synced: the file may now hold changes that are taken back. The next write
    // (LowdbStore.ping writes again while `failing`) puts the file back in step with memory.
    const dir = await disk.open(dirname(this.file), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    this.fileWrites++;
  }
}
