// A minimal fake Bot Connector on 127.0.0.1 (after tests/helpers/fake-connector.ts): notes when the first reply
// to each activity arrives (performance.now() of this thread) and answers like the Bot Connector.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http.js';
import { now } from './stats.js';

export class FakeConnector {
  private readonly waiters = new Map<string, (at: number) => void>();
  private server!: Server;
  private sent = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const arrived = now();
      await readBody(req);
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      const replyTo = match[2] ? decodeURIComponent(match[2]) : undefined;
      if (replyTo) {
        this.waiters.get(replyTo)?.(arrived);
        this.waiters.delete(replyTo);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${++this.sent}` }));
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Resolves with the arrival time of the first reply to `activityId`. */
  reply(activityId: string, timeoutMs = 15_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(activityId);
        reject(new Error(`no reply to ${activityId} in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(activityId, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
