// The store a deployment asked for: PostgreSQL when DATABASE_URL is set (any number of instances share it),
// else the lowdb file in DATA_DIR (one process, locked).
import type { AsyncStore } from '../core/store/async-store.js';
import type { PersonalPosts } from '../core/store/personal-posts.js';
import type { RegionOf } from './legacy-regions.js';
import { LowdbStore } from './lowdb/index.js';

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

export async function openStore(settings: StoreSettings, options: OpenStoreOptions): Promise<AsyncStore> {
  if (!settings.DATABASE_URL) return LowdbStore.open(settings.DATA_DIR, options);
  // Loaded only when asked for: a lowdb deployment never loads pg.
  const { PostgresStore } = await import('./postgres/index.js');
  return PostgresStore.open(settings.DATABASE_URL, { ...options, ...(settings.DATABASE_POOL_SIZE ? { maxConnections: settings.DATABASE_POOL_SIZE } : {}) });
}
