// Search: `resources` queries in three languages over the real library and over one grown to 10,000 items,
// src/core/search.ts against the Orama implementation it replaced (bench/orama-search.ts), rounds alternated.
// Also checks, on the same libraries, that both give the same hits in the same order with the same scores.
import { loadContent } from '../src/core/content/load.js';
import { ResourceSearch } from '../src/core/search/index.js';
import { grow, QUERIES, random, vocabulary } from './library.js';
import { OramaResourceSearch } from './orama-search.js';
import { compareSearch } from './search-check.js';
import { alternate, now, ratio, summarize, time, type Table } from './stats.js';

/** What the resources command asks for. */
const LIMIT = 50;

export async function benchSearch(options: { sizes?: number[]; rounds?: number; checks?: number } = {}): Promise<Table> {
  const { library } = loadContent('content');
  const table: Table = {};
  for (const size of options.sizes ?? [library.resources.length, 10_000]) {
    const items = grow(library.resources, size);
    let t0 = now();
    const ours = await ResourceSearch.build(items);
    const oursBuild = now() - t0;
    t0 = now();
    const orama = await OramaResourceSearch.build(items);
    const oramaBuild = now() - t0;

    // The same answers: the benchmark's queries and random ones from the library's own words.
    const rnd = random(size);
    const vocab = vocabulary(items);
    const randomQueries = Array.from({ length: options.checks ?? 150 }, () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' '));
    const checked = [...QUERIES, ...randomQueries];
    const problems = compareSearch(ours, orama, checked, LIMIT);
    for (const p of problems.slice(0, 3)) console.error(`search ${size}: differs from Orama: ${p}`);

    const contenders = { ours, orama } as const;
    for (const s of Object.values(contenders)) for (const q of QUERIES) s.query(q, LIMIT); // warm up
    const times: Record<keyof typeof contenders, number[]> = { ours: [], orama: [] };
    await alternate(['ours', 'orama'] as const, options.rounds ?? 30, async (who) => {
      for (const q of QUERIES) times[who].push(time(() => contenders[who].query(q, LIMIT)));
    });
    const a = summarize(times.ours);
    const b = summarize(times.orama);
    table[`ours_${size}`] = { build_ms: oursBuild, p50_ms: a.p50, p99_ms: a.p99, max_ms: a.max, queries: a.n, checked: checked.length, mismatches: problems.length };
    table[`orama_${size}`] = { build_ms: oramaBuild, p50_ms: b.p50, p99_ms: b.p99, max_ms: b.max, queries: b.n };
    table[`ratio_${size}`] = { build: ratio(oursBuild, oramaBuild), p50: ratio(a.p50, b.p50), p99: ratio(a.p99, b.p99) };
  }
  return table;
}
