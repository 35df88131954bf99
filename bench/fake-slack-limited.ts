// A fake Slack Web API on 127.0.0.1 that enforces chat.postMessage limits: one a second per channel, and more
// than `globalPerSecond` (50) in any rolling second overall is answered 429 with Retry-After: 1, as Slack does
// ({"ok":false,"error":"ratelimited"}). Counts the posts accepted per channel. auth.test and users.info answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './http.js';
import { RateWindow } from './rate-window.js';

export class FakeSlackLimited {
  private server!: Server;
  window: RateWindow;
  url = '';

  constructor(private readonly globalPerSecond = 50) {
    this.window = new RateWindow(globalPerSecond, 1000);
  }

  reset(): void {
    this.window = new RateWindow(this.globalPerSecond, 1000);
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const body = await readBody(req);
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/api\//, '');
      const json = (payload: unknown, status = 200, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      switch (path) {
        case 'auth.test':
          return json({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'ckex' });
        case 'users.info':
          return json({ ok: true, user: { id: 'U', tz: 'America/New_York', locale: 'en-US' } });
        case 'chat.postMessage': {
          const channel = channelOf(req.headers['content-type'] ?? '', body);
          if (!channel) return json({ ok: false, error: 'channel_not_found' });
          if (this.window.take(channel) !== 'ok') return json({ ok: false, error: 'ratelimited' }, 429, { 'retry-after': '1' });
          return json({ ok: true, channel, ts: `${Date.now() / 1000}` });
        }
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

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function channelOf(contentType: string, body: string): string | undefined {
  if (contentType.includes('application/json')) {
    try {
      const channel = (JSON.parse(body) as { channel?: unknown }).channel;
      return typeof channel === 'string' ? channel : undefined;
    } catch {
      return undefined;
    }
  }
  return new URLSearchParams(body).get('channel') ?? undefined;
}
