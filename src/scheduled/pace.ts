// Keeping within platform rate limits while fanning out: at most N starts a second per key and overall; overall,
// this instance's share of the platform's limit when several instances fan out together (share.ts).
import { log } from '../core/log.js';

export class Pace {
  private readonly next = new Map<string, number>();
  private nextGlobal = 0;
  private instances = 1;

  constructor(
    private readonly perKeyPerSecond: number,
    private readonly globalPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The overall limit is shared by this many instances from now on. */
  share(instances: number): void {
    this.instances = Math.max(1, Math.floor(instances));
  }

  /** Resolves when a send for `key` may start; reserves its slot at once so concurrent callers queue up. */
  async slot(key: string): Promise<void> {
    const t = this.now();
    const start = Math.max(t, this.next.get(key) ?? 0, this.nextGlobal);
    this.next.set(key, start + 1000 / this.perKeyPerSecond);
    this.nextGlobal = start + (1000 * this.instances) / this.globalPerSecond;
    if (start > t) await new Promise((resolve) => setTimeout(resolve, start - t));
  }
}

/** Runs `work` over `items` with at most `limit` in flight; one failure never stops the others. */
export async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let index = 0;
  const worker = async () => {
    while (index < items.length) {
      const item = items[index++]!;
      // One failure never stops the others, and is never silent: a claimed post left unsent must show in the log.
      await work(item).catch((err: Error) => log.error({ err: err.message }, 'a scheduled post failed'));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
