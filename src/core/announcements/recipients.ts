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

/** Who has this email on a platform the bot can write to (Slack's users.lookupByEmail). */
export type FindByEmail = (email: string) => Promise<string | undefined>;

/** The invited people not registered yet whom a platform finds by email, and the emails none finds. */
export async function unregisteredPeople(store: AsyncStore, find: FindByEmail): Promise<{ found: Recipient[]; notFound: string[] }> {
  const found = new Map<string, Recipient>();
  const notFound: string[] = [];
  for (const { email } of await store.invitedUnregistered()) {
    const userId = await find(email);
    if (!userId) notFound.push(email);
    // Their language is not known unless they chose one: English then, with the command words of all three.
    else if (!found.has(userId)) found.set(userId, { userId, lang: (await store.user(userId))?.lang ?? 'en' });
  }
  return { found: [...found.values()], notFound };
}

export async function recipientsOf(store: AsyncStore, audience: Audience, find: FindByEmail = async () => undefined): Promise<Recipients> {
  if (audience.kind === 'unregistered') return { people: (await unregisteredPeople(store, find)).found, channels: [] };
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
