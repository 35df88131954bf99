// Registrations in the lowdb file, with an index by email kept in memory. One process holds DATA_DIR, so what the
// database's unique index and conditional updates decide is decided here before the write awaits. An email is one
// whatever its case, as PostgreSQL's unique index on lower(email) has it.
import type { RegistrationExpected, RegistrationSaved } from '../../core/store/async-store.js';
import { countRegistrations, type RegistrationCounts } from '../../core/store/registration-counts.js';
import { registrationSchema, type Registration, type RegistrationStatus } from '../../core/store/records.js';
import { admit } from '../record-limits.js';
import type { StoreDb } from './file.js';

const byExportOrder = (a: Registration, b: Registration) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const emailKey = (email: string) => email.toLowerCase();

export class Registrations {
  /** Lower-cased email → registration id, derived from the file on open and kept in step with every change. */
  private readonly byEmail = new Map<string, string>();

  constructor(private readonly db: StoreDb) {
    // A file written before the index ignored case may hold one email twice: the oldest registration keeps it.
    for (const r of this.all().sort(byExportOrder)) if (!this.byEmail.has(emailKey(r.email))) this.byEmail.set(emailKey(r.email), r.id);
  }

  private all(): Registration[] {
    return Object.values(this.db.data.registrations);
  }

  registration(id: string): Registration | undefined {
    return this.db.data.registrations[id.toUpperCase()];
  }

  /** Synchronous, so a save can check and write before anything else runs. */
  holderOf(email: string): Registration | undefined {
    const id = this.byEmail.get(emailKey(email));
    return id === undefined ? undefined : this.db.data.registrations[id];
  }

  /** Newest first. */
  of(userId: string): Registration[] {
    return this.all()
      .filter((r) => r.userIds.includes(userId))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  counts(): RegistrationCounts {
    return countRegistrations(this.all());
  }

  withStatus(status: RegistrationStatus, limit: number): Registration[] {
    return this.all()
      .filter((r) => r.status === status)
      .sort(byExportOrder)
      .slice(0, Math.max(0, Math.floor(limit)));
  }

  async *pages(pageSize: number): AsyncIterable<Registration[]> {
    const all = this.all().sort(byExportOrder);
    for (let i = 0; i < all.length; i += pageSize) yield all.slice(i, i + pageSize);
  }

  async save(registration: Registration, expected?: RegistrationExpected): Promise<RegistrationSaved> {
    const r = registrationSchema.parse(admit('registration', registration));
    // No await between these checks and the write below: nothing can move in between.
    const current = this.registration(r.id);
    if (expected === 'new' ? current !== undefined : expected !== undefined && current?.updatedAt !== expected.updatedAt) return { outcome: 'moved', registration: current };
    const holder = this.holderOf(r.email);
    if (holder && holder.id !== r.id) return { outcome: 'taken', registration: holder };
    await this.put(r);
    return { outcome: 'saved', registration: r };
  }

  async setStatus(id: string, from: RegistrationStatus, to: RegistrationStatus, at: string, mark?: { invited: true }): Promise<Registration | undefined> {
    const current = this.registration(id);
    if (current?.status !== from) return undefined;
    const updated: Registration = { ...current, status: to, updatedAt: at, ...(mark?.invited ? { invited: true } : {}) };
    await this.put(admit('registration', updated));
    return updated;
  }

  /** Only once nobody else holds the email (save checked it). */
  private async put(r: Registration): Promise<void> {
    const before = this.db.data.registrations[r.id];
    this.db.data.registrations[r.id] = r;
    if (before && emailKey(before.email) !== emailKey(r.email)) this.unindex(before); // the old email is free again
    this.byEmail.set(emailKey(r.email), r.id);
    await this.db.write();
  }

  /** The email of a registration gone or changed: to another registration with it (an old file's), or to none. */
  private unindex(gone: Registration): void {
    const key = emailKey(gone.email);
    if (this.byEmail.get(key) !== gone.id) return;
    this.byEmail.delete(key);
    const other = this.all()
      .filter((r) => r.id !== gone.id && emailKey(r.email) === key)
      .sort(byExportOrder)[0];
    if (other) this.byEmail.set(key, other.id);
  }

  /** In memory only, for an erasure that writes once: every registration this user made or updated. */
  forgetOf(userId: string): void {
    const gone = this.of(userId);
    for (const r of gone) delete this.db.data.registrations[r.id];
    for (const r of gone) this.unindex(r);
  }

  /** In memory only, for the purge. */
  forgetAll(): void {
    this.db.data.registrations = {};
    this.byEmail.clear();
  }
}
