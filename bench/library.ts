// The resource library for the search benchmark: the real one, grown to any size with varied text, and queries.
import type { Resource } from '../src/core/content/schema.js';
import type { Lang } from '../src/core/lang.js';
import { LANGS } from '../src/core/lang.js';
import { prng } from '../tests/helpers/prng.js';

/** A small deterministic generator (mulberry32), so every run searches the same grown library. */
export const random = prng;


const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Half the words of one text, then half of another's: real vocabulary, new combinations. */
function mix(a: string, b: string, cut: number): string {
  const wa = words(a);
  const wb = words(b);
  return [...wa.slice(0, Math.max(1, Math.round(wa.length * cut))), ...wb.slice(Math.round(wb.length * cut))].join(' ');
}

/**
 * The real library first, then items whose title, summary and tags each mix two real items' texts (in every
 * language) at a random cut, with a numeric token, so no two items are copies and scores vary.
 */
export function grow(resources: readonly Resource[], size: number, seed = 42): Resource[] {
  const rnd = random(seed);
  const pick = () => resources[Math.floor(rnd() * resources.length)]!;
  const out: Resource[] = resources.slice(0, size);
  for (let i = out.length; i < size; i++) {
    const [a, b, c] = [pick(), pick(), pick()];
    const cut = 0.2 + rnd() * 0.6;
    const loc = (f: (l: Lang) => string) => Object.fromEntries(LANGS.map((l) => [l, f(l)])) as Record<Lang, string>;
    out.push({
      ...a,
      id: `${a.id}-${i}`,
      title: loc((l) => `${mix(a.title[l], b.title[l], cut)} ${i}`),
      summary: loc((l) => mix(b.summary[l], c.summary[l], 1 - cut)),
      tags: loc((l) => mix(c.tags[l], a.tags[l], cut)),
    });
  }
  return out;
}

/** The benchmark's queries: each language, one and several words, accents and Arabic variants. */
export const QUERIES = [
  'ethiopia',
  'digital payments',
  'group cash transfers',
  'social protection covid response',
  'إثيوبيا',
  'الحماية الاجتماعية',
  'التحويلات النقدية',
  'Éthiopie',
  'protection sociale',
  'transferts monétaires',
  'paiements numériques réponse',
];

/** Words for random queries: every token of the library's text in the three languages, and some prefixes. */
export function vocabulary(resources: readonly Resource[]): string[] {
  const set = new Set<string>();
  for (const r of resources) {
    for (const l of LANGS) {
      for (const w of words(`${r.title[l]} ${r.summary[l]} ${r.tags[l]}`)) {
        set.add(w);
        if (w.length > 4) set.add(w.slice(0, 3));
      }
    }
  }
  return [...set].sort();
}
