// Whether the store answers now: every call made while it is out of reach fails at once with StoreUnavailableError;
// the outage is logged once when it starts and once when it ends; a probe with backoff finds the store again by
// itself. Until the store is prepared (a database down at start-up, its migrations not yet applied) it is "starting".
import { log } from '../core/log.js';
import { StoreUnavailableError } from '../core/store/errors.js';
import { isOutage } from './outage.js';

/** Calls that only read: refused as "cannot look that up", the others as "could not save". */
const READS = new Set<string>(['user', 'conversation', 'conversationsOf', 'registration', 'registrationByEmail', 'registrationsOf', 'registrationsWithStatus', 'registrationCounts', 'registrationPages', 'form', 'isInvited', 'inviteCount', 'subscriptions', 'subscription', 'setting', 'takeDownload', 'starsOf', 'starrersOf', 'starCounts', 'feedOwner', 'personalDataCounts', 'feedbackFrom', 'feedbackOn', 'allFeedback', 'feedbackBy', 'sessionAudience', 'feedbackPromptsOff', 'ping']);

const PROBE_FIRST_MS = 500;
const PROBE_MAX_MS = 2_000;

export interface ResilientOptions {
  /** Makes the store ready to use (PostgreSQL: migrations); run until it succeeds. Absent: ready at once. */
  prepare?: () => Promise<void>;
  /** Checks the store answers (PostgreSQL: SELECT 1). */
  probe: () => Promise<void>;
}

export type StoreState = 'reachable' | 'unreachable' | 'starting';

export class StoreHealth {
  private prepared: boolean;
  private down: { since: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: ResilientOptions) {
    this.prepared = options.prepare === undefined;
  }

  get state(): StoreState {
    return !this.prepared ? 'starting' : this.down ? 'unreachable' : 'reachable';
  }

  /** The first try at preparing: an outage leaves it to the probe; anything else (a newer schema) is thrown. */
  async start(): Promise<void> {
    if (this.prepared) return;
    try {
      await this.options.prepare!();
      this.prepared = true;
    } catch (err) {
      if (!isOutage(err)) throw err;
      log.warn({ reason: reasonOf(err) }, 'the store is out of reach at start-up: serving from memory, saving nothing, and trying again every few seconds');
      this.down = { since: Date.now() };
      this.schedule(PROBE_FIRST_MS);
    }
  }

  async call<T>(name: string, fn: () => Promise<T>): Promise<T> {
    if (this.state !== 'reachable') throw new StoreUnavailableError(!READS.has(name));
    try {
      return await fn();
    } catch (err) {
      if (!isOutage(err)) throw err;
      this.markDown(err);
      throw new StoreUnavailableError(!READS.has(name));
    }
  }

  private markDown(err: unknown): void {
    if (this.down) return;
    this.down = { since: Date.now() };
    log.warn({ reason: reasonOf(err) }, 'the store is out of reach: answering from memory, saving nothing until it is back');
    this.schedule(PROBE_FIRST_MS);
  }

  private schedule(ms: number): void {
    if (this.closed) return;
    this.timer = setTimeout(() => void this.probe(ms), ms);
    this.timer.unref();
  }

  private async probe(lastMs: number): Promise<void> {
    try {
      if (!this.prepared) await this.options.prepare!();
      this.prepared = true;
      await this.options.probe();
    } catch (err) {
      if (!this.prepared && !isOutage(err)) log.error({ err: (err as Error).message }, 'the store cannot be prepared; still trying');
      this.schedule(Math.min(lastMs * 2, PROBE_MAX_MS));
      return;
    }
    const downMs = this.down ? Date.now() - this.down.since : 0;
    this.down = undefined;
    log.info({ downMs }, 'the store is reachable again');
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }
}

const reasonOf = (err: unknown): string => {
  const e = err as { code?: unknown; message?: unknown };
  return typeof e.code === 'string' ? e.code : String(e.message ?? err).slice(0, 80);
};
