// npm run nominations -- import FILE --focal-point ID [--lang fr]: records the nominations of a CSV (a row is an
// email and a name, in any columns) for the focal point whose chat id is ID ("slack:T0123:U0123ABCD",
// "teams:29:…", as `me export` shows it), for the region CKEX_FOCAL_POINTS gives them. Every row is checked first:
// one that is wrong is named with its line and nothing is recorded. With the lowdb store it needs the store's lock,
// so run it while the bot is stopped; with DATABASE_URL it runs beside the bot.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { readConfig } from '../src/core/config.js';
import { loadContent } from '../src/core/content/load.js';
import { LANGS, type Lang } from '../src/core/lang.js';
import { focalRegionOf, parseEntries, recordNominations, type NomineeEntry } from '../src/core/nominations/index.js';
import { openStore } from '../src/store/open.js';
import { personalPosts } from '../src/scheduled/post-keys.js';
import { mustExist, readArgs, refuse } from './cli.js';

const USAGE = 'usage: npm run nominations -- import FILE.csv --focal-point slack:T0123:U0123ABCD [--lang en|fr|ar]';
const fail = (message: string, code = 1): never => {
  console.error(message);
  process.exit(code);
};

/** The platform ids a chat id may be listed under: a Slack user id, or a Teams id. */
const platformIds = (chatId: string): string[] => (chatId.startsWith('slack:') ? [chatId.split(':').at(-1)!] : chatId.startsWith('teams:') ? [chatId.slice('teams:'.length)] : []);

function readRows(file: string): NomineeEntry[] {
  const rows = parse(readFileSync(file, 'utf8'), { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  const entries: NomineeEntry[] = [];
  rows.forEach((cells, i) => {
    const email = cells.find((c) => /@/.test(c));
    if (!email) {
      if (i === 0) return; // a header row
      fail(`${file}: line ${i + 1} has no email; nothing was recorded`);
    }
    const name = cells.find((c) => c !== email && c.trim() !== '')?.replace(/[,;،؛\n]/g, ' ') ?? '';
    const parsed = parseEntries(`${email!.trim()} ${name}`.trim());
    if (!parsed.ok || parsed.entries.length !== 1) return fail(`${file}: line ${i + 1} is not an email and a name of at most 100 characters; nothing was recorded`);
    entries.push(parsed.entries[0]!);
  });
  return entries;
}

async function main(): Promise<void> {
  // --help, an unknown flag and a missing path answered as every operator script answers them (scripts/cli.ts).
  const { values, positionals } = readArgs(process.argv.slice(2), USAGE, { 'focal-point': { type: 'string' }, lang: { type: 'string' } }, 2);
  const [command, file] = positionals;
  const focalPoint = values['focal-point'] as string | undefined;
  const lang = ((values.lang as string | undefined) ?? 'en') as Lang;
  if (command !== 'import') refuse(command ? `unknown command ${command}` : 'import FILE.csv is missing', USAGE);
  if (!file) refuse('FILE.csv is missing', USAGE);
  if (!focalPoint) refuse('--focal-point is missing', USAGE);
  if (!LANGS.includes(lang)) refuse(`--lang ${lang} is not en, fr or ar`, USAGE);
  mustExist(file, 'file');
  const config = readConfig();
  const region = focalRegionOf(config.CKEX_FOCAL_POINTS, focalPoint, platformIds(focalPoint));
  if (!region) return fail(`${focalPoint} is not a focal point: list its platform id with its region in CKEX_FOCAL_POINTS, and give the chat id as me export shows it (slack:T…:U…, teams:29:…)`);
  const entries = readRows(file);
  const { regions } = loadContent(config.CONTENT_DIR);
  const store = await openStore(config, { personalPosts, regionOf: (country) => regions.regionOf(country) });
  try {
    const { added, already } = await recordNominations(store, { id: focalPoint, region, lang }, entries, new Date().toISOString());
    console.log(`${entries.length} rows read; ${added.length} nominations recorded for ${region}; ${already.length} already nominated${already.length ? ` (${already.join(', ')})` : ''}.`);
  } finally {
    await store.close();
  }
}

main().catch((err: Error) => fail(err.message));
