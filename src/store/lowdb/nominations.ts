// Nominations in the store file, by id. One per email: checked and added synchronously, before the write awaits,
// so two messages at once cannot both nominate one email. Accepting invites the email in the same change.
import type { Region } from '../../core/choices.js';
import { nominationSchema, type Nomination, type NominationsAdded, type NominationStatus } from '../../core/store/nomination.js';
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

const all = (db: StoreDb): Nomination[] => Object.values(db.data.nominations);
const oldestFirst = (a: Nomination, b: Nomination) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export async function addNominations(db: StoreDb, nominations: Nomination[]): Promise<NominationsAdded> {
  const parsed = nominations.map((n) => nominationSchema.parse(n));
  const held = new Set(all(db).map((n) => n.email));
  const added: Nomination[] = [];
  const already: string[] = [];
  for (const n of parsed) {
    if (held.has(n.email) || n.id in db.data.nominations) already.push(n.email);
    else {
      held.add(n.email);
      added.push(n);
    }
  }
  if (added.length > 0) await db.change((u) => added.forEach((n) => u.set(db.data.nominations, n.id, n)));
  return { added, already };
}

export const nomination = (db: StoreDb, id: string): Nomination | undefined => (Object.hasOwn(db.data.nominations, id) ? db.data.nominations[id] : undefined);

export const nominationsBy = (db: StoreDb, focalPoint: string): Nomination[] => all(db).filter((n) => n.focalPoint === focalPoint).sort((a, b) => oldestFirst(b, a));

const matching = (db: StoreDb, status: NominationStatus, region?: Region) => all(db).filter((n) => n.status === status && (!region || n.region === region));

export const nominationsWithStatus = (db: StoreDb, status: NominationStatus, limit: number, region?: Region): Nomination[] => matching(db, status, region).sort(oldestFirst).slice(0, limit);

export const nominationCount = (db: StoreDb, status: NominationStatus, region?: Region): number => matching(db, status, region).length;

export async function decideNomination(db: StoreDb, id: string, to: Exclude<NominationStatus, 'pending'>, by: string, at: string): Promise<Nomination | undefined> {
  const found = nomination(db, id);
  if (found?.status !== 'pending') return undefined;
  const decided = nominationSchema.parse({ ...found, status: to, decidedAt: new Date(at).toISOString(), decidedBy: by });
  await db.change((u) => {
    u.set(db.data.nominations, id, decided);
    if (to === 'accepted' && !(decided.email in db.data.invites)) u.set(db.data.invites, decided.email, { invitedAt: decided.decidedAt!, by });
  });
  return decided;
}

/** In memory only, for erasure: the nominations this user made, and those of these emails (their own). */
export function forgetNominationsOf(db: StoreDb, userId: string, emails: ReadonlySet<string>, u: Undo): void {
  for (const n of all(db)) if (n.focalPoint === userId || emails.has(n.email)) u.remove(db.data.nominations, n.id);
}

/** In memory only, for the purge. */
export function forgetNominations(db: StoreDb, u: Undo): void {
  u.swap(db.data, 'nominations', {});
}
