// POST /slack/events, before Bolt: the body read once with a size limit (413), the v0 signature and a timestamp
// within five minutes either way checked (401), and a request already executed (by this or any instance sharing the
// store) acknowledged again without running it twice (a replayed signature), a response_url outside Slack refused
// (400). Bolt then reads req.rawBody.
import { createHmac, timingSafeEqual } from 'node:crypto';
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { log } from '../../core/log.js';
import type { AsyncStore } from '../../core/store/async-store.js';
import { stampReceipt } from './ack-budget.js';
import { allowedResponseUrls, responseUrlsOf } from './response-urls.js';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack's largest payloads (a modal's view state) are far below this. */
export const SLACK_BODY_LIMIT = '512kb';
const WINDOW_S = 5 * 60;

/** Why a signed request is refused, or undefined when its signature and timestamp hold. */
export function signatureProblem(secret: string, headers: Request['headers'], body: Buffer, nowMs = Date.now()): string | undefined {
  const ts = Number(headers['x-slack-request-timestamp']);
  const signature = headers['x-slack-signature'];
  if (!Number.isInteger(ts) || typeof signature !== 'string') return 'unsigned';
  if (Math.abs(nowMs / 1000 - ts) > WINDOW_S) return 'timestamp outside five minutes';
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${ts}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'signature mismatch';
}

export function registerSlackEndpoint(server: Application, signingSecret: string, store: Pick<AsyncStore, 'firstSeen'>, origins: ReadonlySet<string>): void {
  // Only requests with a valid signature are remembered, so nobody can crowd out the real ones; a signature is
  // remembered as long as its timestamp could still be accepted.
  server.post(SLACK_EVENTS_PATH, stampReceipt, express.raw({ type: () => true, limit: SLACK_BODY_LIMIT }), async (req: Request, res: Response, next: NextFunction) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const problem = signatureProblem(signingSecret, req.headers, body);
    if (problem) {
      log.warn({ surface: 'slack', reason: problem }, 'Slack request refused: 401');
      res.status(401).json({ error: 'unauthorized' });
      return;
    }
    if (!allowedResponseUrls(responseUrlsOf(body, req.headers['content-type']), origins)) {
      log.warn({ surface: 'slack' }, 'Slack request refused: a response_url outside Slack');
      res.status(400).json({ error: 'response_url is not a Slack address' });
      return;
    }
    if (!(await store.firstSeen('slack-signature', String(req.headers['x-slack-signature']), 2 * WINDOW_S))) {
      log.warn({ surface: 'slack' }, 'replayed Slack request acknowledged, not executed again');
      res.status(200).end();
      return;
    }
    (req as Request & { rawBody?: Buffer }).rawBody = body;
    next();
  });
  server.use(SLACK_EVENTS_PATH, (err: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.type === 'entity.too.large' || err.status === 413) {
      res.status(413).json({ error: `request too large (limit ${SLACK_BODY_LIMIT})` });
      return;
    }
    res.status(400).json({ error: 'unreadable request' });
  });
}
