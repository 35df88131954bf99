// The two stores a contract test runs against: lowdb (one store, seen as both instances) and two PostgreSQL
// instances on one database, emptied of the named tables before each test. Call it at a test file's top level:
// it opens the database before the file's tests and drops it after.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import type { AsyncStore } from '../../src/core/store/async-store.js';
import { LowdbStore } from '../../src/store/lowdb/index.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { personalPosts } from '../../src/scheduled/post-keys.js';
import { tempDir } from './bot.js';
import { testDatabase, type TestDatabase } from './postgres.js';

export interface Instances {
  a: AsyncStore;
  b: AsyncStore;
  close(): Promise<void>;
}

/** `databaseUrl` is the file's database, for a test that opens instances of its own. */
export function storeInstances(tables: string): { stores: [string, () => Promise<Instances>][]; databaseUrl: () => string } {
  let database: TestDatabase;
  let postgres: { a: PostgresStore; b: PostgresStore } | undefined;
  beforeAll(async () => {
    database = await testDatabase();
  }, 60_000);
  afterAll(async () => {
    await postgres?.a.close();
    await postgres?.b.close();
    await database?.drop();
  });
  const stores: [string, () => Promise<Instances>][] = [
    [
      'lowdb',
      async () => {
        const dir = tempDir();
        const store = await LowdbStore.open(dir, { personalPosts });
        return { a: store, b: store, close: async () => void (await store.close(), rmSync(dir, { recursive: true, force: true })) };
      },
    ],
    [
      'postgres',
      async () => {
        postgres ??= await (async () => {
          const [a, b] = await Promise.all([PostgresStore.open(database.url, { personalPosts }), PostgresStore.open(database.url, { personalPosts })]);
          return { a, b };
        })();
        await postgres.a.pool.query(`TRUNCATE ${tables} RESTART IDENTITY`);
        return { ...postgres, close: async () => undefined };
      },
    ],
  ];
  return { stores, databaseUrl: () => database.url };
}
