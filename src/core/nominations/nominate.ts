// Recording nominations and deciding them, over the store: decided once (two organisers pressing at once decide it
// once), an accepted email invited in the same write as the decision.
import { randomInt } from 'node:crypto';
import type { Region } from '../choices.js';
import type { Lang } from '../lang.js';
import type { AsyncStore } from '../store/async-store.js';
import type { NomineeEntry } from './entries.js';
import type { Nomination, NominationsAdded } from '../store/nomination.js';

const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

async function newNominationId(store: AsyncStore, taken: Set<string>): Promise<string> {
  for (;;) {
    const id = `N${Array.from({ length: 5 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')}`;
    if (!taken.has(id) && !(await store.nomination(id))) return id;
  }
}

export interface FocalPoint {
  id: string;
  region: Region;
  lang: Lang;
}

export async function recordNominations(store: AsyncStore, by: FocalPoint, entries: readonly NomineeEntry[], now: string): Promise<NominationsAdded> {
  const ids = new Set<string>();
  const nominations: Nomination[] = [];
  for (const e of entries) {
    const id = await newNominationId(store, ids);
    ids.add(id);
    nominations.push({ id, email: e.email, ...(e.name ? { name: e.name } : {}), region: by.region, focalPoint: by.id, lang: by.lang, status: 'pending', createdAt: now });
  }
  return store.addNominations(nominations);
}
