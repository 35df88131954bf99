// Who receives an announcement when it goes: the people of the registrations that match (each chat identity of
// each, once), those who starred the session, or the subscribed channels; each person in their own language.
import type { Lang } from '../lang.js';
import type { AsyncStore } from '../store/async-store.js';
import type { Audience } from '../store/announcement.js';
import type { Registration, Subscription } from '../store/records.js';

export interface Recipient {
  userId: string;
  lang: Lang;
}

export interface Recipients {
  people: Recipient[];
  channels: Subscription[];
}

function matches(audience: Audience, r: Registration): boolean {
  switch (audience.kind) {
    case 'pending':
      return r.status === 'pending';
    case 'confirmed':
      return r.status === 'confirmed';
    case 'region':
      return r.status === 'confirmed' && r.region === audience.region;
    case 'interpretation':
      return r.status === 'confirmed' && r.interpretation === audience.language;
    default:
      return false;
  }
}

/** The language chosen with `lang`, else the one they registered or last wrote in, else English. */
async function languageOf(store: AsyncStore, userId: string, registered?: Lang): Promise<Lang> {
  const prefs = await store.user(userId);
  if (prefs?.lang) return prefs.lang;
  if (registered) return registered;
  return prefs?.lastLang ?? (await store.registrationsOf(userId))[0]?.lang ?? 'en';
}

export async function recipientsOf(store: AsyncStore, audience: Audience): Promise<Recipients> {
  if (audience.kind === 'channels') return { people: [], channels: (await store.subscriptions()).filter((s) => !s.paused) };
  const people = new Map<string, Recipient>();
  if (audience.kind === 'starred') {
    for (const { userId } of await store.starrersOf([audience.session])) people.set(userId, { userId, lang: await languageOf(store, userId) });
    return { people: [...people.values()], channels: [] };
  }
  for await (const page of store.registrationPages()) {
    for (const r of page) {
      if (!matches(audience, r)) continue;
      for (const userId of r.userIds) if (!people.has(userId)) people.set(userId, { userId, lang: await languageOf(store, userId, r.lang) });
    }
  }
  return { people: [...people.values()], channels: [] };
}
