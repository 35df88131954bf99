// The store a deployment asked for: PostgreSQL when DATABASE_URL is set (any number of instances share it),
// else the lowdb file in DATA_DIR (one process, locked).
import type { AsyncStore } from '../core/store/async-store.js';
import type { PersonalPosts } from '../core/store/personal-posts.js';
import type { RegionOf } from './legacy-regions.js';
import { StoreHealth } from './health.js';
import { LowdbStore } from './lowdb/index.js';
import { resilient } from './resilient.js';

export interface StoreSettings {
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
  DATABASE_POOL_SIZE?: number;
}

/** What either store is opened with. */
export interface OpenStoreOptions {
  /** Which scheduled-post keys name a person: decided where the keys are made, never by a store. */
  personalPosts: PersonalPosts;
  /** Each country's region: registrations and forms stored with AFR take it on open. */
  regionOf?: RegionOf;
}

/**
 * The lowdb file must open (a corrupt or locked file stops start-up); a database that cannot be reached yet does
 * not stop it: the bot serves from memory and the store is prepared as soon as the database answers. `ping`
 * says whether it answers now (the readiness probe).
 */
export async function openStore(settings: StoreSettings, options: OpenStoreOptions): Promise<AsyncStore> {
  if (!settings.DATABASE_URL) {
    const lowdb = await LowdbStore.open(settings.DATA_DIR, options);
    const health = new StoreHealth({ probe: () => lowdb.ping() });
    return resilient(lowdb, health);
  }
  // Loaded only when asked for: a lowdb deployment never loads pg.
  const { PostgresStore } = await import('./postgres/index.js');
  const pg = PostgresStore.connect(settings.DATABASE_URL, { ...options, ...(settings.DATABASE_POOL_SIZE ? { maxConnections: settings.DATABASE_POOL_SIZE } : {}) });
  const health = new StoreHealth({ prepare: () => pg.prepare(), probe: () => pg.ping() });
  try {
    await health.start(); // a database migrated by a newer release still stops start-up
  } catch (err) {
    await pg.close();
    throw err;
  }
  return resilient(pg, health);
}
