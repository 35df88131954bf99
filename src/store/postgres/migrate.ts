// Numbered SQL files (migrations/NNN_name.sql) applied in order, each in its own transaction and recorded in
// schema_migrations, under an advisory lock: instances starting together wait for one another and apply each once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/** 'ckex' in ASCII: the advisory lock every instance takes while it migrates. */
const MIGRATION_LOCK = 0x636b6578;
const FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The folder beside this module: src/ under tsx, build/ once compiled (scripts/build-if-stale.mjs copies the SQL
 * there, as tsc copies none); a build without them falls back to src/ in the same checkout.
 */
function migrationsDir(): string {
  const candidates = [new URL('./migrations/', import.meta.url), new URL('../../../src/store/postgres/migrations/', import.meta.url)];
  const found = candidates.map((u) => fileURLToPath(u)).find((dir) => existsSync(dir));
  if (!found) throw new Error(`PostgreSQL store: no migrations folder (looked in ${candidates.map((u) => fileURLToPath(u)).join(', ')})`);
  return found;
}

export function readMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((name) => FILE.test(name))
    .sort()
    .map((name) => ({ version: Number(FILE.exec(name)![1]), name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Applies what this database lacks; returns the names applied. Refuses a database migrated by a newer release. */
export async function migrate(pool: pg.Pool, migrations = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      const known = Math.max(0, ...migrations.map((m) => m.version));
      const newer = [...done].filter((v) => v > known);
      if (newer.length > 0) throw new Error(`PostgreSQL store: the database has migration ${Math.max(...newer)}, newer than this release knows (${known}); run the newer release`);
      const applied: string[] = [];
      for (const m of migrations.filter((m) => !done.has(m.version))) {
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw new Error(`PostgreSQL store: migration ${m.name} failed: ${(err as Error).message}`);
        }
        applied.push(m.name);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
