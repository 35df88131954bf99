// Forms under way in the lowdb file, with versions kept in memory: a restart gives every stored form a fresh
// version, and nothing can race a form across a restart (one process holds DATA_DIR).
import type { FormSaved, VersionedForm } from '../../core/store/async-store.js';
import { NO_FORM } from '../../core/store/async-store.js';
import { formProgressSchema, type FormProgress } from '../../core/store/records.js';
import { admit } from '../record-limits.js';
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

export class Forms {
  /** Taken back with the form when its write fails; lastVersion is not, so no version is ever given twice. */
  private versions = new Map<string, number>();
  private lastVersion = 0;

  constructor(private readonly db: StoreDb) {}

  private versionOf(userId: string): number {
    if (!this.db.data.forms[userId]) return NO_FORM;
    let version = this.versions.get(userId);
    if (version === undefined) this.versions.set(userId, (version = ++this.lastVersion));
    return version;
  }

  form(userId: string): VersionedForm | undefined {
    const progress = this.db.data.forms[userId];
    return progress && { progress, version: this.versionOf(userId) };
  }

  async save(userId: string, progress: FormProgress, expectedVersion: number): Promise<FormSaved> {
    const p = admit('form', formProgressSchema.parse(progress));
    // Checked and taken before the first await: a second save with the same expected version finds it changed.
    if (this.versionOf(userId) !== expectedVersion) return { saved: false, current: this.form(userId) };
    const version = ++this.lastVersion;
    await this.db.change((u) => {
      u.mapSet(this.versions, userId, version);
      u.set(this.db.data.forms, userId, p);
    });
    return { saved: true, version };
  }

  async drop(userId: string): Promise<void> {
    if (!(userId in this.db.data.forms)) {
      this.versions.delete(userId);
      return;
    }
    await this.db.change((u) => this.forget(userId, u));
  }

  /** Forms last touched before this instant; returns how many went. */
  async dropIdleSince(before: string): Promise<number> {
    const idle = Object.entries(this.db.data.forms).filter(([, f]) => f.updatedAt < before);
    // Their versions stay: a version with no form reads as NO_FORM, as it did before.
    if (idle.length > 0) await this.db.change((u) => idle.forEach(([userId]) => u.remove(this.db.data.forms, userId)));
    return idle.length;
  }

  /** In memory only, for an erasure that writes once. */
  forget(userId: string, u: Undo): void {
    u.mapDelete(this.versions, userId);
    u.remove(this.db.data.forms, userId);
  }

  /** In memory only, for the purge. */
  forgetAll(u: Undo): void {
    const versions = this.versions;
    this.versions = new Map();
    u.onUndo(() => (this.versions = versions));
    u.swap(this.db.data, 'forms', {});
  }
}
