// npm run export -- --out FILE: every registration as CSV, from the shell.
// Reads the store file without taking the lock (writes are atomic, so the file is always whole), or PostgreSQL a
// page at a time with DATABASE_URL: either works while the bot is running.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { readConfig } from '../src/core/config.js';
import { loadContent } from '../src/core/content/load.js';
import { registrationsCsv, registrationsCsvFromPages } from '../src/core/forms/export-csv.js';
import { openStore } from '../src/store/open.js';
import { mapLegacyRegions, type RegionOf } from '../src/store/legacy-regions.js';
import { readStoreFile } from '../src/store/lowdb/index.js';
import { emptyStore } from '../src/core/store/records.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { mustExist, readArgs } from './cli.js';

const USAGE = 'usage: npm run export [-- --out FILE]\nevery registration as CSV, to FILE (written readable by you only) or, without --out, to stdout';

async function main(): Promise<void> {
  const { values } = readArgs(process.argv.slice(2), USAGE, { out: { type: 'string' } });
  const out = values.out as string | undefined;
  const config = readConfig();
  if (out) mustExist(dirname(resolve(out)), 'folder');
  const { regions } = loadContent(config.CONTENT_DIR);
  const { csv, count } = config.DATABASE_URL ? await fromDatabase(config) : await fromFile(config.DATA_DIR, (country) => regions.regionOf(country));
  if (!out) {
    process.stdout.write(csv);
    return;
  }
  writeFileSync(out, csv, { mode: 0o600 });
  console.error(`${count} registrations written to ${out}`);
}

async function fromFile(dataDir: string, regionOf: RegionOf): Promise<{ csv: string; count: number }> {
  const data = (await readStoreFile(dataDir)) ?? emptyStore();
  mapLegacyRegions(data, regionOf); // as the bot reads them: no AFR where the country tells
  return { csv: registrationsCsv(Object.values(data.registrations)), count: Object.keys(data.registrations).length };
}

async function fromDatabase(config: ReturnType<typeof readConfig>): Promise<{ csv: string; count: number }> {
  const store = await openStore({ ...config, DATABASE_POOL_SIZE: 1 }, { personalPosts });
  try {
    return await registrationsCsvFromPages(store.registrationPages());
  } finally {
    await store.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
