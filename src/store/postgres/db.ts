// The two ways queries reach PostgreSQL here: the pool (one statement, autocommit) or a client inside a transaction.
import type pg from 'pg';

export type Queryable = pg.Pool | pg.PoolClient;

/** Runs fn in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Instants come back as Date: the store speaks ISO strings, as the lowdb file does. */
export const iso = (value: Date | null): string | undefined => (value === null ? undefined : value.toISOString());

/** A unique index refused the row (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string };
  return e.code === '23505' && e.constraint === constraint;
}
