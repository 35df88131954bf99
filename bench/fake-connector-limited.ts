// A fake Bot Connector on 127.0.0.1 that enforces a tenant-wide limit: more than `globalPerSecond` (30) posts in
// any rolling second are answered 429 with Retry-After: 1. Counts the activities accepted per conversation.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http.js';
import { RateWindow } from './rate-window.js';

export class FakeConnectorLimited {
  private server!: Server;
  private sent = 0;
  window: RateWindow;
  url = '';

  constructor(private readonly globalPerSecond = 30) {
    this.window = new RateWindow(globalPerSecond, undefined);
  }

  reset(): void {
    this.window = new RateWindow(this.globalPerSecond, undefined);
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      await readBody(req);
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      const conversation = decodeURIComponent(match[1]!);
      if (this.window.take(conversation) !== 'ok') {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++this.sent}` }));
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
