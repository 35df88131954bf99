// npm run export -- --out FILE: every registration as CSV, from the shell.
// Reads the store file without taking the lock: writes are atomic, so the file is always whole, and this
// works while the bot is running.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from '../src/core/config.js';
import { loadContent } from '../src/core/content/load.js';
import { registrationsCsv } from '../src/core/forms/export-csv.js';
import { AtomicJsonFile } from '../src/store/atomic-json-file.js';
import { mapLegacyRegions } from '../src/store/legacy-regions.js';
import { STORE_FILE } from '../src/store/lowdb-store.js';
import { emptyStore, storeDataSchema } from '../src/store/schema.js';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--out');
  const out = at >= 0 ? process.argv[at + 1] : undefined;
  const config = readConfig();
  const data = (await new AtomicJsonFile(join(config.DATA_DIR, STORE_FILE), storeDataSchema).read()) ?? emptyStore();
  const { regions } = loadContent(config.CONTENT_DIR);
  mapLegacyRegions(data, (country) => regions.regionOf(country)); // as the bot reads them: no AFR where the country tells
  const csv = registrationsCsv(Object.values(data.registrations));
  if (!out) {
    process.stdout.write(csv);
    return;
  }
  writeFileSync(out, csv, { mode: 0o600 });
  console.error(`${Object.keys(data.registrations).length} registrations written to ${out}`);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
