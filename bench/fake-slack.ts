// A minimal fake of the Slack Web API and of response_url on 127.0.0.1 (after tests/helpers/fake-slack.ts):
// answers auth.test, users.info and chat.* like Slack, and notes when each response_url post arrives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http.js';
import { now } from './stats.js';

export class FakeSlack {
  /** response_url id → when its first post arrived (performance.now()). */
  readonly responded = new Map<string, number>();
  /** response_url id → the body of its first post. */
  readonly responses = new Map<string, string>();
  private readonly waiting = new Map<string, (at: number) => void>();
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const arrived = now();
      const body = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const json = (payload: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (path.startsWith('/respond/')) {
        const id = path.slice('/respond/'.length);
        if (!this.responded.has(id)) {
          this.responded.set(id, arrived);
          this.responses.set(id, body);
          this.waiting.get(id)?.(arrived);
          this.waiting.delete(id);
        }
        return json({ ok: true });
      }
      switch (path.replace(/^\/api\//, '')) {
        case 'auth.test':
          return json({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'ckex' });
        case 'users.info':
          return json({ ok: true, user: { id: 'U', tz: 'Africa/Cairo', locale: 'en-US' } });
        case 'chat.postMessage':
          return json({ ok: true, channel: 'C1', ts: `${Date.now() / 1000}` });
        default:
          return json({ ok: true });
      }
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** When the first post to this response_url arrives (performance.now()). */
  respondedAt(id: string, timeoutMs = 30_000): Promise<number> {
    const at = this.responded.get(id);
    if (at !== undefined) return Promise.resolve(at);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer through response_url ${id}`)), timeoutMs);
      this.waiting.set(id, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  }

  /** Waits until every id has been answered through response_url, or the time is up; returns how many were. */
  async waitForResponds(ids: Iterable<string>, timeoutMs = 30_000): Promise<number> {
    const wanted = [...ids];
    const start = Date.now();
    for (;;) {
      const done = wanted.filter((id) => this.responded.has(id)).length;
      if (done === wanted.length || Date.now() - start > timeoutMs) return done;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
