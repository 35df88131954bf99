// The lowdb store's file, DATA_DIR/ckex.json: validated when read and written atomically (atomic-json-file.ts),
// held by one process at a time (lock.ts). Each part of the store changes the data in memory through change(),
// which records how to take the change back (undo.ts) should its write fail.
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { log } from '../../core/log.js';
import { emptyStore, storeDataSchema, type StoreData } from '../../core/store/records.js';
import { mapLegacyRegions, type RegionOf } from '../legacy-regions.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import { acquireLock, type Lock } from './lock.js';
import { recorded, type Undo } from './undo.js';

export const STORE_FILE = 'ckex.json';

/** The whole store in memory (`data`), and the ways to write it, which resolve once it is durably on disk. */
export interface StoreDb {
  readonly data: StoreData;
  /**
   * Applies a change to `data` at once (synchronously: what it checked cannot move before it is made) and writes
   * the store. If the write fails, the change, and any made over it meanwhile, are taken back before it rejects.
   */
  change(apply: (undo: Undo) => void): Promise<void>;
  /** Writes `data` as it is: at close, and again after a failed write. */
  flush(): Promise<void>;
}

export interface OpenedFile {
  db: StoreDb;
  file: AtomicJsonFile<StoreData>;
  lock: Lock;
}

const storeFile = (dataDir: string) => new AtomicJsonFile(join(dataDir, STORE_FILE), storeDataSchema);

/**
 * Temp files left by a write that was killed hold a whole copy of the store, erased data included: remove them
 * once this process holds the lock (no other writer can be using them).
 */
function removeStaleTempFiles(dataDir: string): void {
  const pattern = new RegExp(`^\\.${STORE_FILE.replace('.', '\\.')}\\.\\d+\\.\\d+\\.tmp$`);
  for (const name of readdirSync(dataDir)) {
    if (!pattern.test(name)) continue;
    unlinkSync(join(dataDir, name));
    log.info({ file: name }, 'removed a stale temp file of the store');
  }
}

/** Takes DATA_DIR's lock and reads the file (none yet: an empty store); gives the lock back if it cannot. */
export async function openStoreFile(dataDir: string, regionOf?: RegionOf): Promise<OpenedFile> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireLock(dataDir);
  try {
    removeStaleTempFiles(dataDir);
    const file = storeFile(dataDir);
    const low = new Low<StoreData>(file, emptyStore());
    await low.read();
    const data = low.data;
    if (regionOf && mapLegacyRegions(data, regionOf) > 0) await file.write(data);
    const db: StoreDb = {
      data,
      change: async (apply) => file.write(data, recorded(apply)),
      flush: () => file.write(data),
    };
    return { db, file, lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** The file as it is, without the lock (a write never leaves it half done); null when there is none yet. */
export function readStoreFile(dataDir: string): Promise<StoreData | null> {
  return storeFile(dataDir).read();
}
