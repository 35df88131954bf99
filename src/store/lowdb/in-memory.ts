// What the lowdb store keeps in memory only: shared settings, sightings (firstSeen), instances alive and download links with their
// expiry. One process holds DATA_DIR, so no other needs them; a restart forgets them, which costs at most one
// repeated answer to a retry that straddles it, and old links.
import { storedDownloadSchema, type StoredDownload } from '../../core/store/download.js';
import { settingKey, settingValue } from '../setting.js';

/** Sightings kept at most: the oldest go first. */
const MAX_SIGHTINGS = 200_000;

export class InMemory {
  private readonly settings = new Map<string, string>();
  private readonly sightings = new Map<string, number>();
  private readonly downloads = new Map<string, StoredDownload>();
  private readonly instances = new Map<string, number>();

  setting(key: string): string | undefined {
    return this.settings.get(settingKey.parse(key));
  }

  saveSetting(key: string, value: string): void {
    this.settings.set(settingKey.parse(key), settingValue.parse(value));
  }

  firstSeen(kind: string, id: string, ttlSeconds: number): boolean {
    const key = `${kind}\u0000${id}`;
    const now = Date.now();
    const expires = this.sightings.get(key);
    if (expires !== undefined && expires > now) return false;
    this.sightings.delete(key); // re-inserted last, so the oldest stay first in line to go
    this.sightings.set(key, now + ttlSeconds * 1000);
    for (const old of this.sightings.keys()) {
      if (this.sightings.size <= MAX_SIGHTINGS) break;
      this.sightings.delete(old);
    }
    return true;
  }

  /** One process holds DATA_DIR; its instances are the ids that said they were alive within their time to live. */
  liveInstances(id: string, ttlSeconds: number): number {
    const now = Date.now();
    this.instances.set(id, now + ttlSeconds * 1000);
    for (const [other, until] of this.instances) if (until <= now) this.instances.delete(other);
    return this.instances.size;
  }

  saveDownload(token: string, download: StoredDownload): void {
    const d = storedDownloadSchema.parse(download);
    const now = new Date().toISOString();
    for (const [t, entry] of this.downloads) if (entry.expiresAt < now) this.downloads.delete(t);
    this.downloads.set(token, d);
  }

  takeDownload(token: string, now: string): StoredDownload | undefined {
    const entry = this.downloads.get(token);
    return entry && entry.expiresAt >= now ? entry : undefined;
  }

  revokeDownloads(owner: string): number {
    let revoked = 0;
    for (const [token, entry] of this.downloads) {
      if (entry.owner !== owner) continue;
      this.downloads.delete(token);
      revoked++;
    }
    return revoked;
  }

  /** The purge: an export holds registrations. */
  dropDownloads(): void {
    this.downloads.clear();
  }
}
