// The core's clock: real time, or time that started at CKEX_NOW and runs on, or a clock tests move by hand.
import { DateTime } from 'luxon';

export interface Clock {
  now(): DateTime;
  /**
   * The real instant in milliseconds, as the platforms count their rate limits and as every instance shares it
   * (CKEX_NOW shifts each instance's `now` by its own start); a test clock gives its own time.
   */
  realMillis(): number;
}

export const systemClock: Clock = { now: () => DateTime.utc(), realMillis: () => Date.now() };

/** A clock that behaves as if it had been started at `startIso` and runs on in real time. */
export function shiftedClock(startIso: string, realNow: () => number = Date.now): Clock {
  const start = DateTime.fromISO(startIso, { zone: 'utc' });
  if (!start.isValid) throw new Error(`CKEX_NOW: "${startIso}" is not an ISO 8601 instant (e.g. 2021-05-04T14:00:00Z)`);
  const offset = start.toMillis() - realNow();
  return { now: () => DateTime.fromMillis(realNow() + offset, { zone: 'utc' }), realMillis: realNow };
}

/** A clock for tests: stands still until moved. */
export class ManualClock implements Clock {
  private at: DateTime;
  constructor(iso: string) {
    this.at = DateTime.fromISO(iso, { zone: 'utc' });
  }
  now(): DateTime {
    return this.at;
  }
  realMillis(): number {
    return this.at.toMillis();
  }
  set(iso: string): void {
    this.at = DateTime.fromISO(iso, { zone: 'utc' });
  }
  advance(minutes: number): void {
    this.at = this.at.plus({ minutes });
  }
}

/** Whether luxon (and so Intl) knows this IANA time zone name. */
export const isValidZone = (zone: string): boolean => DateTime.now().setZone(zone).isValid;
