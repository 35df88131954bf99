// The last handlers: an unknown path is a short 404, and any error a short status with no stack and no library
// text (express's default page shows both outside production). One log line for server faults.
import type { Application, NextFunction, Request, Response } from 'express';
import { log } from '../core/log.js';
import { StoreUnavailableError } from '../core/store/errors.js';

/** Every response: no content sniffing, so a text/plain answer is never run as a page. */
export function registerSecurityHeaders(server: Application): void {
  server.use((_req: Request, res: Response, next: NextFunction) => {
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
}

export function registerErrorHandlers(server: Application): void {
  server.use((_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('Not found.');
  });
  server.use((err: Error & { status?: number; statusCode?: number }, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    // The store out of reach (logged once by the store for the whole outage): try again, not our fault to report.
    if (err instanceof StoreUnavailableError) {
      res.status(503).set('Retry-After', '30').type('text/plain').send('Temporarily unavailable: try again in a minute.');
      return;
    }
    const status = err.status ?? err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      res.status(status).type('text/plain').send(status === 413 ? 'Request too large.' : 'Bad request.');
      return;
    }
    log.error({ path: req.path.slice(0, 100), err: err.message?.split('\n')[0]?.slice(0, 200) }, 'request failed');
    res.status(500).type('text/plain').send('Something went wrong on our side.');
  });
}
