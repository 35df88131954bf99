// Invited emails no registration holds: the people to follow up, with the region of the nomination that invited
// them when there was one.
import type { Region } from '../../core/choices.js';
import type { StoreDb } from './file.js';
import type { Registrations } from './registrations.js';

export function invitedUnregistered(db: StoreDb, registrations: Registrations): Array<{ email: string; region?: Region }> {
  const regions = new Map(Object.values(db.data.nominations).filter((n) => n.status === 'accepted').map((n) => [n.email, n.region]));
  return Object.keys(db.data.invites)
    .filter((email) => !registrations.holderOf(email))
    .sort()
    .map((email) => {
      const region = regions.get(email);
      return region ? { email, region } : { email };
    });
}
