// The library search gives exactly what one Orama index per language gave (same hits, order and scores), on the
// real library and on a grown one, for fixed and random queries in the three languages.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/core/content/load.js';
import { ResourceSearch } from '../src/core/search/index.js';
import { grow, QUERIES, random, vocabulary } from '../bench/library.js';
import { OramaResourceSearch } from '../bench/orama-search.js';
import { compareSearch } from '../bench/search-check.js';

describe('resource search', () => {
  it.each([13, 600])('answers as Orama did over %i items', async (size) => {
    const items = grow(loadContent('content').library.resources, size);
    const ours = await ResourceSearch.build(items);
    const orama = await OramaResourceSearch.build(items);
    const rnd = random(size);
    const vocab = vocabulary(items);
    const queries = [...QUERIES, ...Array.from({ length: 200 }, () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' '))];
    expect(compareSearch(ours, orama, queries, 50)).toEqual([]);
  });
});
