// PostgreSQL for the benchmarks: the tests' helper (tests/helpers/postgres.ts) gives one database, on a throwaway
// cluster made with initdb/pg_ctl (fsync off, as the tests run it) or on DATABASE_URL's server when that is set;
// each contender then gets a database of its own on that same server, dropped at the end. Also what fills one:
// registrations built by storeRecord (the same records the lowdb store files get) with one INSERT … SELECT over
// generate_series, and digest subscriptions in one statement.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../src/store/postgres/index.js';
import { registrationSchema } from '../src/core/store/records.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { testDatabase } from '../tests/helpers/postgres.js';
import { storeRecord } from './startup.js';

export interface BenchPostgres {
  /** Where the databases live, for the output: a throwaway cluster or DATABASE_URL's server. */
  where: string;
  throwaway: boolean;
  /** A new empty database on the server (no tables until a store opens it). */
  database(): Promise<string>;
  /** The server's durability settings, as figures: fsync and synchronous_commit on (1) or off (0). */
  durability(): Promise<{ fsync: number; synchronous_commit: number }>;
  close(): Promise<void>;
}

async function run<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function benchPostgres(): Promise<BenchPostgres> {
  const throwaway = !process.env.DATABASE_URL;
  const first = await testDatabase();
  const made: string[] = [];
  const version = (await run<{ server_version: string }>(first.url, 'SHOW server_version'))[0]?.server_version ?? '?';
  const where = throwaway
    ? `a throwaway PostgreSQL ${version} cluster on this machine (initdb by tests/helpers/postgres.ts; fsync and synchronous_commit off)`
    : `PostgreSQL ${version} at DATABASE_URL`;
  return {
    where,
    throwaway,
    async database() {
      const name = `ckex_bench_${randomBytes(6).toString('hex')}`;
      await run(first.url, `CREATE DATABASE ${name}`);
      made.push(name);
      return withDatabase(first.url, name);
    },
    async durability() {
      const on = async (setting: string) => ((await run<Record<string, string>>(first.url, `SHOW ${setting}`))[0]?.[setting] === 'off' ? 0 : 1);
      return { fsync: await on('fsync'), synchronous_commit: await on('synchronous_commit') };
    },
    async close() {
      try {
        for (const name of made) await run(first.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await first.drop();
      }
    },
  };
}

/** The SQL text of a constant array, for the INSERT below. */
const textArray = (values: readonly string[]): string => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * `count` registrations, exactly storeRecord(0 … count-1) (ids R00000…, participant<i>@example.org), in one
 * INSERT … SELECT over generate_series. The store is opened first so its migrations make the tables; a sample is
 * read back through the store (zod-validated) and must equal what storeRecord builds.
 */
export async function fillRegistrations(url: string, count: number): Promise<void> {
  const store = await PostgresStore.open(url, { personalPosts });
  try {
    if (count === 0) return;
    // The lists storeRecord cycles through, in its order (checked against it below).
    const langs = ['en', 'fr', 'ar'];
    const roles = ['policymaker', 'analyst', 'researcher', 'practitioner', 'other'];
    const institutions = ['ministry', 'agency', 'public', 'private', 'partner', 'other'];
    const regions = ['AFE', 'AFW', 'EAP', 'ECA', 'LAC', 'MENA', 'SAR'];
    const countries = ['MA', 'EG', 'SN', 'JO', 'TN', 'KE', 'BD', 'PK', 'BR', 'ID'];
    const interpretation = ['ar', 'fr', 'none'];
    const pick = (list: string[]) => `(${textArray(list)})[i % ${list.length} + 1]`;
    // R + i in base 32 on five digits (0-9A-V), as storeRecord's (0x2000000 + i).toString(32).slice(-5).
    const id = `'R' || (SELECT string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUV', ((i >> (5 * k)) & 31) + 1, 1), '' ORDER BY k DESC) FROM generate_series(0, 4) k)`;
    const at = `timestamptz '2021-04-01T00:00:00Z' + i * interval '1 second'`;
    await store.pool.query(
      `INSERT INTO registrations (id, email, name, organisation, country, role, institution, region, interpretation, consent_at, lang, status, invited, user_ids, created_at, updated_at)
       SELECT ${id}, 'participant' || i || '@example.org', 'Participant ' || i, 'Ministry of Social Affairs ' || (i % 97),
              ${pick(countries)}, ${pick(roles)}, ${pick(institutions)}, ${pick(regions)}, ${pick(interpretation)}, ${at}, ${pick(langs)},
              CASE WHEN i % 4 = 0 THEN 'pending' ELSE 'confirmed' END, i % 4 <> 0,
              ARRAY[CASE WHEN i % 2 = 0 THEN 'slack:T1:U' || i ELSE 'teams:29:' || i END], ${at}, ${at}
       FROM generate_series(0, $1::int - 1) i`,
      [count],
    );
    await store.pool.query('ANALYZE registrations');
    for (const i of [0, 1, 31, 32, 1025, count - 1]) {
      if (i >= count) continue;
      const want = registrationSchema.parse(storeRecord(i).value);
      const got = await store.registration(want.id);
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`fillRegistrations: record ${i} differs from storeRecord:\n${JSON.stringify(got)}\n${JSON.stringify(want)}`);
    }
  } finally {
    await store.close();
  }
}
