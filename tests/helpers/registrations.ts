// Every registration in the store, in export order: what Store.registrations() gave, read a page at a time.
import type { AsyncStore } from '../../src/core/store/async-store.js';
import type { Registration } from '../../src/core/store/records.js';

export async function allRegistrations(store: Pick<AsyncStore, 'registrationPages'>): Promise<Registration[]> {
  const all: Registration[] = [];
  for await (const page of store.registrationPages()) all.push(...page);
  return all;
}
