// Whether a platform answers, as this process last saw it: fed by every HTTP answer the platform's client gets.
// A platform answering 5xx or nothing at all is down for every post alike, so while it is, posts nobody is waiting
// for (digests, reminders, notices) hold back and only one now and then goes to find out whether it is back: an
// outage costs a few requests, not every due post on every scheduler tick. It is logged once as it starts and once
// as it ends. Replies to a person are always tried (they may get through; their failure is their own log line).
import { log } from '../core/log.js';

/** After the first failure, the first try waits this long; each try doubles the wait, up to the ceiling. */
export const FIRST_TRY_MS = 5_000;
export const MAX_TRY_WAIT_MS = 30_000;

export class Availability {
  private downSince: number | undefined;
  private nextTry = 0;
  private wait = FIRST_TRY_MS;
  private held = 0;

  constructor(
    private readonly platform: string,
    private readonly service?: string,
    private readonly now: () => number = Date.now,
  ) {}

  get down(): boolean {
    return this.downSince !== undefined;
  }

  /** Whether a post nobody is waiting for may go now: always while up; while down, one try per wait. */
  admits(): boolean {
    if (this.downSince === undefined) return true;
    const t = this.now();
    if (t < this.nextTry) {
      this.held++;
      return false;
    }
    this.nextTry = t + this.wait;
    this.wait = Math.min(this.wait * 2, MAX_TRY_WAIT_MS);
    return true;
  }

  /** The platform answered 5xx, or not at all (`reason`: "HTTP 503", "timeout", "unreachable"). */
  failed(reason: string): void {
    if (this.downSince !== undefined) return;
    this.downSince = this.now();
    this.nextTry = this.downSince + FIRST_TRY_MS;
    this.wait = FIRST_TRY_MS * 2;
    log.warn({ platform: this.platform, ...this.where(), reason }, `${this.platform} is unavailable: scheduled posts wait, one tried at most every ${MAX_TRY_WAIT_MS / 1000} s`);
  }

  /** The platform answered (a status below 500, an error of its own included). */
  answered(): void {
    if (this.downSince === undefined) return;
    const downS = Math.round((this.now() - this.downSince) / 1000);
    log.info({ platform: this.platform, ...this.where(), downS, held: this.held }, `${this.platform} answers again`);
    this.downSince = undefined;
    this.held = 0;
  }

  private where(): { service?: string } {
    return this.service ? { service: this.service } : {};
  }
}

/** One availability per service of a platform (Teams has a Bot Connector per region), made on first use. */
export class Availabilities {
  private readonly byService = new Map<string, Availability>();

  constructor(
    private readonly platform: string,
    private readonly now: () => number = Date.now,
  ) {}

  of(service: string): Availability {
    let found = this.byService.get(service);
    if (!found) {
      found = new Availability(this.platform, service, this.now);
      this.byService.set(service, found);
    }
    return found;
  }
}
