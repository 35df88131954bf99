// Shared settings (src/store/postgres/migrations/003_settings.sql): the last writer wins.
import { settingKey, settingValue } from '../setting.js';
import type { Queryable } from './db.js';

export async function setting(db: Queryable, key: string): Promise<string | undefined> {
  const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [settingKey.parse(key)]);
  return rows[0] === undefined ? undefined : settingValue.parse(rows[0].value);
}

export async function saveSetting(db: Queryable, key: string, value: string): Promise<void> {
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()', [settingKey.parse(key), settingValue.parse(value)]);
}
