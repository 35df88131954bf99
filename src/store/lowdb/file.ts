// The lowdb store's file, DATA_DIR/ckex.json: validated when read and written atomically (atomic-json-file.ts),
// held by one process at a time (lock.ts). Each part of the store changes the data in memory, then awaits write().
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { log } from '../../core/log.js';
import { emptyStore, storeDataSchema, type StoreData } from '../../core/store/records.js';
import { mapLegacyRegions, type RegionOf } from '../legacy-regions.js';
import { AtomicJsonFile } from './atomic-json-file.js';
import { acquireLock, type Lock } from './lock.js';

export const STORE_FILE = 'ckex.json';

/** The whole store in memory (`data`), and `write()`, which resolves once it is durably on disk. */
export type StoreDb = Low<StoreData>;

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
    const db = new Low<StoreData>(file, emptyStore());
    await db.read();
    if (regionOf && mapLegacyRegions(db.data, regionOf) > 0) await db.write();
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
