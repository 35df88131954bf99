// npm run check:content [-- DIR] — validates content/ (or DIR) exactly as start-up does.
import { loadContent } from '../src/core/content/load.js';
import { mustExist, readArgs } from './cli.js';

const USAGE = 'usage: npm run check:content [-- DIR]\nDIR: the content folder to check (default: content, or CONTENT_DIR)';
const { positionals } = readArgs(process.argv.slice(2), USAGE, {}, 1);
const dir = positionals[0] ?? process.env.CONTENT_DIR ?? 'content';
mustExist(dir, 'content folder');
try {
  const c = loadContent(dir);
  console.log(`content OK: ${c.agenda.sessions.length} sessions, ${c.library.resources.length} resources, ${c.faq.facts.length} event facts, ${c.regions.data.countries.length} countries with their regions`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
