// First sightings kept in this instance's memory, while the shared store cannot be asked: a retry or replay that
// reaches another instance, or this one after a restart, is not recognised meanwhile (README: what an outage costs).
/** Sightings kept at most: the oldest go first. */
const MAX_SIGHTINGS = 50_000;

export class MemorySightings {
  private readonly seen = new Map<string, number>();

  firstSeen(kind: string, id: string, ttlSeconds: number, now = Date.now()): boolean {
    const key = `${kind}\u0000${id}`;
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    this.seen.delete(key);
    this.seen.set(key, now + ttlSeconds * 1000);
    while (this.seen.size > MAX_SIGHTINGS) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }
}
