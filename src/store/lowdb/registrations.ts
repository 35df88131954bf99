// Registrations in the lowdb file, with an index by email kept in memory. One process holds DATA_DIR, so what the
// database's unique index and conditional updates decide is decided here before the write awaits. An email is one
// whatever its case, as PostgreSQL's unique index on lower(email) has it.
import type { RegistrationExpected, RegistrationSaved } from '../../core/store/async-store.js';
import { countRegistrations, type RegistrationCounts } from '../../core/store/registration-counts.js';
import { registrationSchema, type Registration, type RegistrationStatus } from '../../core/store/records.js';
import { admit } from '../record-limits.js';
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

const byExportOrder = (a: Registration, b: Registration) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
const emailKey = (email: string) => email.toLowerCase();

export class Registrations {
  /** Lower-cased email → registration id, derived from the file on open and kept in step with every change. */
  private byEmail = new Map<string, string>();

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
    await this.db.change((u) => this.put(r, u));
    return { outcome: 'saved', registration: r };
  }

  async setStatus(id: string, from: RegistrationStatus, to: RegistrationStatus, at: string, mark?: { invited: true }): Promise<Registration | undefined> {
    const current = this.registration(id);
    if (current?.status !== from) return undefined;
    const updated: Registration = admit('registration', { ...current, status: to, updatedAt: at, ...(mark?.invited ? { invited: true } : {}) });
    await this.db.change((u) => this.put(updated, u));
    return updated;
  }

  /** Only once nobody else holds the email (save checked it). */
  private put(r: Registration, u: Undo): void {
    const before = this.db.data.registrations[r.id];
    u.set(this.db.data.registrations, r.id, r);
    if (before && emailKey(before.email) !== emailKey(r.email)) this.unindex(before, u); // the old email is free again
    u.mapSet(this.byEmail, emailKey(r.email), r.id);
  }

  /** The email of a registration gone or changed: to another registration with it (an old file's), or to none. */
  private unindex(gone: Registration, u: Undo): void {
    const key = emailKey(gone.email);
    if (this.byEmail.get(key) !== gone.id) return;
    const other = this.all()
      .filter((r) => r.id !== gone.id && emailKey(r.email) === key)
      .sort(byExportOrder)[0];
    if (other) u.mapSet(this.byEmail, key, other.id);
    else u.mapDelete(this.byEmail, key);
  }

  /** In memory only, for an erasure that writes once: every registration this user made or updated. */
  forgetOf(userId: string, u: Undo): void {
    const gone = this.of(userId);
    for (const r of gone) u.remove(this.db.data.registrations, r.id);
    for (const r of gone) this.unindex(r, u);
  }

  /** In memory only, for the purge. */
  forgetAll(u: Undo): void {
    const byEmail = this.byEmail;
    this.byEmail = new Map();
    u.onUndo(() => (this.byEmail = byEmail));
    u.swap(this.db.data, 'registrations', {});
  }
}
