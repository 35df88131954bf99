// One process per DATA_DIR: a lock file holding the owner's pid; a lock left by a dead process is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreLockedError } from './errors.js';

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Lock {
  release(): void;
}

export function acquireLock(dir: string): Lock {
  const file = join(dir, 'ckex.lock');
  if (heldHere.has(file)) throw new StoreLockedError(dir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(file);
      const onExit = () => release();
      const release = () => {
        process.removeListener('exit', onExit); // one listener per lock held, not one per lock ever taken
        if (!heldHere.delete(file)) return;
        try {
          unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', onExit);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) throw new StoreLockedError(dir, pid);
      unlinkSync(file); // left by a process that died: take it over
    }
  }
  throw new StoreLockedError(dir, -1);
}
