// Instances on one database share each platform's limit (a Slack workspace's 50 posts a second, a Teams tenant's
// 30): each says it is alive every few seconds and paces its fan-out to the limit divided by the instances alive.
// Two instances together then offer what the platform accepts, instead of twice that and a storm of 429s.
import { randomUUID } from 'node:crypto';
import type { AsyncStore } from '../core/store/async-store.js';
import { StoreUnavailableError } from '../core/store/errors.js';
import type { Pace } from './pace.js';

/** How often an instance says it is alive, and how long that lasts: a stopped instance's share is back in 15 s. */
const BEAT_MS = 5_000;
const ALIVE_S = 15;

export class PaceShare {
  private timer: NodeJS.Timeout | undefined;
  /** The instances alive at the last heartbeat. */
  instances = 1;

  constructor(
    private readonly store: AsyncStore,
    private readonly paces: readonly Pace[],
    readonly instanceId: string = randomUUID(),
  ) {}

  /** Says this instance is alive, and paces to its share. The store out of reach: the last share stands. */
  async beat(): Promise<void> {
    try {
      this.instances = Math.max(1, await this.store.liveInstances(this.instanceId, ALIVE_S));
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return;
    }
    for (const pace of this.paces) pace.share(this.instances);
  }

  start(): void {
    this.timer = setInterval(() => void this.beat().catch(() => undefined), BEAT_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
