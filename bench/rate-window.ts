// Rate limits as the fakes enforce them: at most N accepted in any rolling second (overall), and at least
// `gapMs` between two accepted for the same key. Only accepted requests use up the allowance; a request
// refused with 429 does not. Times are performance.now() of the fake's thread.
import { performance } from 'node:perf_hooks';
import { now } from './stats.js';

export type Verdict = 'ok' | 'global' | 'key';

export class RateWindow {
  private readonly accepted: number[] = []; // accepted times, ascending; trimmed to the last second
  private head = 0;
  private readonly lastByKey = new Map<string, number>();
  readonly perKey = new Map<string, number>();
  refusedGlobal = 0;
  refusedKey = 0;
  /** Keys refused at least once (their first refusal was a first attempt; the rest were retries). */
  readonly refusedKeys = new Set<string>();
  /** Largest number accepted in any rolling second, and the first and last accepted times. */
  peak = 0;
  first = Number.NaN;
  last = Number.NaN;

  constructor(
    private readonly globalPerSecond: number,
    private readonly keyGapMs: number | undefined,
  ) {}

  take(key: string): Verdict {
    const t = now();
    while (this.head < this.accepted.length && this.accepted[this.head]! <= t - 1000) this.head++;
    if (this.head > 4096) {
      this.accepted.splice(0, this.head);
      this.head = 0;
    }
    const previous = this.lastByKey.get(key);
    if (this.keyGapMs !== undefined && previous !== undefined && t - previous < this.keyGapMs) {
      this.refusedKey++;
      this.refusedKeys.add(key);
      return 'key';
    }
    if (this.accepted.length - this.head >= this.globalPerSecond) {
      this.refusedGlobal++;
      this.refusedKeys.add(key);
      return 'global';
    }
    this.accepted.push(t);
    this.lastByKey.set(key, t);
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    this.peak = Math.max(this.peak, this.accepted.length - this.head);
    if (Number.isNaN(this.first)) this.first = t;
    this.last = t;
    return 'ok';
  }

  stats(): WindowStats {
    return { perKey: Object.fromEntries(this.perKey), refusedGlobal: this.refusedGlobal, refusedKey: this.refusedKey, refusedKeys: this.refusedKeys.size, peak: this.peak, spanMs: this.last - this.first, firstEpochMs: performance.timeOrigin + this.first, lastEpochMs: performance.timeOrigin + this.last };
  }
}

export interface WindowStats {
  perKey: Record<string, number>;
  refusedGlobal: number;
  refusedKey: number;
  refusedKeys: number;
  peak: number;
  /** From the first accepted request to the last. */
  spanMs: number;
  /** The first and last accepted, as Date.now() would give them (comparable across threads and processes). */
  firstEpochMs: number;
  lastEpochMs: number;
}
