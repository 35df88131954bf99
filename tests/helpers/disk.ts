// A disk that fails the lowdb store's writes as a full or failing one does, through the one seam its file layer
// leaves for it (`disk` in atomic-json-file.ts): half a temp file written then ENOSPC, an fsync or a rename that
// fails with EIO, or the folder's fsync after the rename.
import { open, rename } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { disk } from '../../src/store/lowdb/atomic-json-file.js';

export type FaultCode = 'ENOSPC' | 'EIO';
/** Where a write fails: halfway through the temp file, at its fsync, at its rename, at the folder's fsync. */
export type FaultAt = 'write' | 'sync' | 'rename' | 'folder';

interface Fault {
  code: FaultCode;
  at: FaultAt;
  /** Only writes of this file (ckex.json, ckex-posts.json); any when absent. */
  file: string | undefined;
  /** Writes let through before the fault begins. */
  after: number;
}

const MESSAGES: Record<FaultCode, [number, string]> = { ENOSPC: [-28, 'no space left on device'], EIO: [-5, 'i/o error'] };

/** An error as Node's fs gives it: a message, a code, an errno, a syscall. */
export function fsError(code: FaultCode, syscall: string): NodeJS.ErrnoException {
  const [errno, text] = MESSAGES[code];
  return Object.assign(new Error(`${code}: ${text}, ${syscall}`), { code, errno, syscall });
}

/** The real file-system calls, put back by heal(). */
const real = { ...disk };

export class FailingDisk {
  private fault: Fault | undefined;
  /** Writes that met the fault. */
  failures = 0;

  constructor() {
    disk.open = this.open as typeof disk.open;
    disk.rename = this.rename as typeof disk.rename;
  }

  fail(code: FaultCode, at: FaultAt = 'write', options: { file?: string; after?: number } = {}): this {
    this.fault = { code, at, file: options.file, after: options.after ?? 0 };
    return this;
  }

  /** The disk works again. */
  clear(): void {
    this.fault = undefined;
  }

  /** The real calls again, for the next test. */
  restore(): void {
    Object.assign(disk, real);
  }

  /** Whether this call of a write is to fail at `at` (a temp file's path names the file it will become). */
  private hits(at: FaultAt, path: string): boolean {
    const f = this.fault;
    if (!f || f.at !== at) return false;
    if (at !== 'folder' && f.file !== undefined && !basename(path).startsWith(`.${f.file}.`)) return false;
    if (f.after > 0) {
      f.after--;
      return false;
    }
    this.failures++;
    return true;
  }

  private readonly open = async (path: string, flags: string, mode?: number): Promise<FileHandle> => {
    const handle = await open(path, flags, mode);
    const code = this.fault?.code;
    if (!code) return handle;
    if (flags === 'r') {
      if (this.hits('folder', path)) handle.sync = async () => Promise.reject(fsError(code, 'fsync'));
    } else if (this.hits('write', path)) {
      const writeFile = handle.writeFile.bind(handle);
      handle.writeFile = async (text) => {
        await writeFile(String(text).slice(0, String(text).length >> 1)); // torn: half of it, then the disk is full
        throw fsError(code, 'write');
      };
    } else if (this.hits('sync', path)) handle.sync = async () => Promise.reject(fsError(code, 'fsync'));
    return handle;
  };

  private readonly rename = async (from: string, to: string): Promise<void> => {
    const code = this.fault?.code;
    if (code && this.hits('rename', from)) throw fsError(code, 'rename');
    return rename(from, to);
  };
}
