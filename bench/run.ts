// npm run bench [-- --json]: runs every benchmark and prints its figures as a table, or one JSON object.
import { benchSearch } from './search.js';

const figures: Record<string, number> = { ...(await benchSearch()) };
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(figures));
} else {
  console.table(Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, { value: Number(v.toFixed(3)) }])));
}
