// Time limits for every connection, so a client trickling its headers or body cannot hold one for long.
// Node's defaults (300 s per request, checked every 30 s) are meant for uploads; chat platforms send a few KB at once.
import { createServer, type RequestListener, type Server } from 'node:http';

export const HTTP_TIMEOUTS = {
  /** The whole request, headers and body, must arrive within this. */
  requestTimeout: 10_000,
  headersTimeout: 5_000,
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeout: 5_000,
  /** How often those limits are checked. */
  connectionsCheckingInterval: 1_000,
} as const;

export function createHttpServer(listener: RequestListener): Server {
  return createServer({ ...HTTP_TIMEOUTS }, listener);
}
