// npm run migrate-store -- --from DATA_DIR: copies a lowdb store (DATA_DIR/ckex.json and its post claims) into the
// PostgreSQL database at DATABASE_URL, applying the migrations first. Idempotent: run it again and nothing doubles.
// It takes DATA_DIR's lock, so it refuses while a bot still runs on that folder: stop the bot, copy, start the
// instances with DATABASE_URL.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../src/core/config.js';
import { loadContent } from '../src/core/content/load.js';
import { mapLegacyRegions } from '../src/store/legacy-regions.js';
import { acquireLock, readPostsFile, readStoreFile, STORE_FILE } from '../src/store/lowdb/index.js';
import { copyLowdbData, PostgresStore } from '../src/store/postgres/index.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { readArgs } from './cli.js';

const USAGE = 'usage: DATABASE_URL=postgres://… npm run migrate-store -- --from DATA_DIR';

/** The copy, given the command's arguments and environment; returns what to print. */
export async function migrateStore(argv: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const at = argv.indexOf('--from');
  const dataDir = at >= 0 ? argv[at + 1] : undefined;
  const url = env.DATABASE_URL;
  if (!dataDir) throw new Error(`${USAGE}\n(--from: the DATA_DIR whose ckex.json to copy)`);
  if (!url) throw new Error(`${USAGE}\n(DATABASE_URL: the database to copy into)`);
  if (!existsSync(dataDir)) throw new Error(`${dataDir}: no such folder (--from names the DATA_DIR to copy)`);
  const lock = acquireLock(dataDir);
  try {
    const data = await readStoreFile(dataDir);
    if (!data) throw new Error(`${join(dataDir, STORE_FILE)}: no store file to copy`);
    const posts = await readPostsFile(dataDir);
    const { regions } = loadContent(readConfig(env).CONTENT_DIR);
    mapLegacyRegions(data, (country) => regions.regionOf(country)); // as the bot reads them: no AFR where the country tells
    const store = await PostgresStore.open(url, { personalPosts, maxConnections: 1 });
    try {
      const report = await copyLowdbData(store.pool, data, posts);
      const { emailTaken, questionIdTaken, ...counts } = report;
      const lines = [`copied ${Object.entries(counts).map(([what, n]) => `${n} ${what}`).join(', ')}`];
      if (emailTaken.length > 0) lines.push(`left out ${emailTaken.length} registrations whose email another registration holds in the database: ${emailTaken.join(', ')}`);
      if (questionIdTaken.length > 0) lines.push(`left out ${questionIdTaken.length} questions whose id another question holds in the database: ${questionIdTaken.join(', ')}`);
      return lines;
    } finally {
      await store.close();
    }
  } finally {
    lock.release();
  }
}

// Run as a command (not imported by a test).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  readArgs(process.argv.slice(2), USAGE, { from: { type: 'string' } });
  migrateStore(process.argv.slice(2), process.env).then(
    (lines) => lines.forEach((line) => console.log(line)),
    (err: Error) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
