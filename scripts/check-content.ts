// npm run check:content — validates content/ exactly as start-up does.
import { loadContent } from '../src/core/content/load.js';

const dir = process.argv[2] ?? 'content';
try {
  const c = loadContent(dir);
  console.log(`content OK: ${c.agenda.sessions.length} sessions, ${c.library.resources.length} resources, ${c.faq.facts.length} event facts, ${c.regions.data.countries.length} countries with their regions`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
