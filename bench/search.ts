// Search benchmark: resources queries in three languages over the real library and over one grown to 10,000 items.
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/core/content/load.js';
import type { Resource } from '../src/core/content/schema.js';
import { ResourceSearch } from '../src/core/search.js';

const QUERIES = ['ethiopia', 'digital payments', 'group cash transfers', 'إثيوبيا', 'الحماية الاجتماعية', 'Éthiopie', 'protection sociale', 'transferts monétaires'];

function grow(resources: Resource[], size: number): Resource[] {
  return Array.from({ length: size }, (_, i) => {
    const r = resources[i % resources.length]!;
    return { ...r, id: `${r.id}-${i}` };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchSearch(): Promise<Record<string, number>> {
  const { library } = loadContent('content');
  const figures: Record<string, number> = {};
  for (const size of [library.resources.length, 10_000]) {
    const built = performance.now();
    const search = await ResourceSearch.build(grow(library.resources, size));
    figures[`search_build_ms_${size}`] = performance.now() - built;
    const times: number[] = [];
    for (let round = 0; round < 50; round++) {
      for (const q of QUERIES) {
        const t0 = performance.now();
        search.query(q, 10);
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    figures[`search_p50_ms_${size}`] = percentile(times, 50);
    figures[`search_p99_ms_${size}`] = percentile(times, 99);
  }
  return figures;
}
