// After a failure, wait before trying again: the wait doubles with each failure in a row, up to a ceiling, and
// goes back to nothing at the first success.
export class Backoff {
  private failures = 0;
  private until = 0;

  constructor(
    private readonly firstMs: number,
    private readonly maxMs: number,
  ) {}

  /** Whether the wait after the last failure still runs. */
  waiting(now = Date.now()): boolean {
    return now < this.until;
  }

  /** Counts a failure and starts the wait; returns how many failures in a row there now are. */
  failed(now = Date.now()): number {
    this.failures++;
    this.until = now + Math.min(this.firstMs * 2 ** (this.failures - 1), this.maxMs);
    return this.failures;
  }

  /** Ends the run of failures; returns how many there were. */
  succeeded(): number {
    const failures = this.failures;
    this.failures = 0;
    this.until = 0;
    return failures;
  }
}
