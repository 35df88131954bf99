// Remembers ids seen lately (Slack event_id, Teams activity id) so a retried delivery is answered once.
export class RecentIds {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly max = 10_000,
  ) {}

  /** True the first time an id is offered within the time to live, false after. */
  first(id: string, now = Date.now()): boolean {
    const at = this.seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.set(id, now);
    if (this.seen.size > this.max) {
      for (const key of this.seen.keys()) {
        this.seen.delete(key);
        if (this.seen.size <= this.max) break;
      }
    }
    return true;
  }
}
