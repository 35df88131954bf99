// What the organisers' statistics show, counted the same way by every store (in SQL where registrations live in a
// database, so none of them has to be loaded).
import type { Registration } from './records.js';

export interface RegistrationCounts {
  total: number;
  byStatus: Record<string, number>;
  byRegion: Record<string, number>;
  byCountry: Record<string, number>;
  byInterpretation: Record<string, number>;
}

export const noRegistrationCounts = (): RegistrationCounts => ({ total: 0, byStatus: {}, byRegion: {}, byCountry: {}, byInterpretation: {} });

export function countRegistrations(registrations: Iterable<Registration>): RegistrationCounts {
  const counts = noRegistrationCounts();
  const add = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1);
  for (const r of registrations) {
    counts.total++;
    add(counts.byStatus, r.status);
    add(counts.byRegion, r.region);
    add(counts.byCountry, r.country);
    add(counts.byInterpretation, r.interpretation);
  }
  return counts;
}
