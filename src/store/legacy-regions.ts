// Registrations made before the Bank split its Africa region (1 July 2020) carry AFR. When the store is read they
// take their country's region: AFE or AFW for the countries of the former Africa region, and the country's own
// region for any other (Egypt → MENA). AFR stays only where the country has no region (a participant in Washington
// who chose Africa): the organisers see it as such rather than a guess. A form under way is mapped the same way, or
// asks the region again.
import { AFRICA_BEFORE_SPLIT, type Region } from '../core/choices.js';
import type { StoreData } from '../core/store/records.js';

export type RegionOf = (country: string) => Region | undefined;

/** Maps AFR in place; returns how many records changed. */
export function mapLegacyRegions(data: StoreData, regionOf: RegionOf): number {
  let changed = 0;
  for (const r of Object.values(data.registrations)) {
    const region = r.region === AFRICA_BEFORE_SPLIT ? regionOf(r.country) : undefined;
    if (!region) continue;
    r.region = region;
    changed++;
  }
  for (const form of Object.values(data.forms)) {
    if (form.answers.region !== AFRICA_BEFORE_SPLIT) continue;
    const region = form.answers.country ? regionOf(form.answers.country) : undefined;
    if (region) form.answers.region = region;
    else delete form.answers.region;
    changed++;
  }
  return changed;
}
