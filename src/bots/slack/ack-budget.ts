// Slack shows the person an error when a command, button or modal submission is not acknowledged within 3 seconds
// of Slack sending it. The clock starts when the request reaches this process (stamped before its body is read), not
// when a listener runs: under a rush a request can wait in line for a second before Bolt hands it over. An answer
// ready within the budget travels in the ack itself (one HTTP round trip fewer than response_url); a later one is
// acknowledged at the budget and follows through response_url (a modal: views.update).
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, Response } from 'express';

/** The default budget from receipt: 0.8 s of Slack's 3 s left for the network and this process's own queue. */
export const ACK_BUDGET_MS = 2_200;

/** The context key Bolt's customPropertiesExtractor sets from the stamp. */
export const RECEIVED_AT = 'ckexReceivedAt';

/** Express middleware, first on the Slack path: when the request arrived (monotonic milliseconds). */
export function stampReceipt(req: Request, _res: Response, next: NextFunction): void {
  (req as Request & { [RECEIVED_AT]?: number })[RECEIVED_AT] = performance.now();
  next();
}

/** The stamp, for Bolt's context (Socket Mode has none: its clock starts with the listener). */
export const receiptOf = (req: Request): Record<string, number> => {
  const at = (req as Request & { [RECEIVED_AT]?: number })[RECEIVED_AT];
  return typeof at === 'number' ? { [RECEIVED_AT]: at } : {};
};

/** How a listener may wait for a Slack profile (users.info) without costing the ack. */
export interface ProfileWait {
  /** Longest wait for users.info before answering with what is known. */
  waitMs: number;
  /** Overloaded: no users.info and no refresh now; the cached profile (even an old one) or the defaults. */
  shed: boolean;
}

/** One request's deadline. */
export class AckDeadline {
  private readonly receivedAt: number;

  constructor(
    private readonly budgetMs: number,
    context: Record<string, unknown>,
  ) {
    const at = context[RECEIVED_AT];
    this.receivedAt = typeof at === 'number' ? at : performance.now();
  }

  /** Milliseconds left before the ack must go (0 when already due). */
  remaining(): number {
    return Math.max(0, this.budgetMs - (performance.now() - this.receivedAt));
  }

  /**
   * A request that waited in line for more than a third of the budget before its listener ran means the process is
   * behind: slow lookups are shed so that this answer (and the acks queued behind it) still make the window. Else
   * users.info may take at most half of what is left, capped at `profileMs`.
   */
  profileWait(profileMs: number): ProfileWait {
    const left = this.remaining();
    return { waitMs: Math.min(profileMs, left / 2), shed: this.budgetMs - left > this.budgetMs / 3 };
  }
}
