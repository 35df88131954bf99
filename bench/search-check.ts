// Same answers as the Orama implementation it replaced: the same ids, in the same order, with the same scores.
import type { SearchHit } from '../src/core/search/index.js';

interface Searcher {
  query(words: string, limit?: number): SearchHit[];
}

/** The queries whose answers differ, each with its first difference. */
export function compareSearch(ours: Searcher, reference: Searcher, queries: readonly string[], limit: number): string[] {
  const problems: string[] = [];
  for (const q of queries) {
    const a = ours.query(q, limit);
    const b = reference.query(q, limit);
    if (a.length !== b.length) {
      problems.push(`${JSON.stringify(q)}: ${a.length} hits, reference ${b.length}`);
      continue;
    }
    const i = a.findIndex((h, k) => h.id !== b[k]!.id || h.score !== b[k]!.score);
    if (i >= 0) problems.push(`${JSON.stringify(q)}: hit ${i} is ${a[i]!.id} ${a[i]!.score}, reference ${b[i]!.id} ${b[i]!.score}`);
  }
  return problems;
}
