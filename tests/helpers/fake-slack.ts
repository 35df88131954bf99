// A small fake of the Slack Web API and of response_url on 127.0.0.1: records every call, answers like Slack,
// can be told to fail the next call to a method (429 with Retry-After, or a Slack error), to hold a method's answers
// until released (a slow Slack), and can go down: every call answered 503, or never answered at all, until it comes
// back up.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackFake } from './loopback.js';
import { poll } from './poll.js';

export interface SlackCall {
  method: string; // "chat.postMessage", or "respond" for response_url posts
  body: Record<string, any>;
  at: number;
}

type Failure = { status: 429; retryAfter: number } | { error: string };

/** How Slack is down: HTTP 503 to every call, or calls read and never answered (the caller's timeout). */
export type Outage = 503 | 'hang';

export class FakeSlack extends LoopbackFake<Outage> {
  readonly calls: SlackCall[] = [];
  readonly users = new Map<string, { tz?: string; locale?: string; profile?: { email?: string } }>();
  /** Calls that arrived while Slack was down: not carried out, so never in `calls`. */
  readonly refused: SlackCall[] = [];
  private readonly failures = new Map<string, Failure[]>();
  private readonly holding = new Map<string, (() => void)[]>();

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id = 'r1'): string {
    return `${this.url}/respond/${id}`;
  }

  failNext(method: string, failure: Failure): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), failure]);
  }

  /** Calls to `method` are recorded when they arrive and answered only at `release(method)`: a slow Slack. */
  hold(method: string): void {
    this.holding.set(method, this.holding.get(method) ?? []);
  }

  /** The held calls are answered, and later ones at once. */
  release(method: string): void {
    const waiting = this.holding.get(method) ?? [];
    this.holding.delete(method);
    for (const go of waiting) go();
  }

  /** The chat.update calls of one posted message (its ts), oldest first. */
  updatesOf(ts: string): SlackCall[] {
    return this.of('chat.update').filter((c) => c.body.ts === ts);
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `count` calls to `method` have arrived. */
  waitFor(method: string, count = 1, timeoutMs = 10_000): Promise<SlackCall[]> {
    return poll(() => (this.of(method).length >= count ? this.of(method) : undefined), () => `${count} ${method}; got ${this.got()}`, timeoutMs);
  }

  /** Waits for a call to `method` that `match` picks (a marker's answer), and gives it. */
  waitForOne(method: string, match: (call: SlackCall) => boolean, timeoutMs = 10_000): Promise<SlackCall> {
    return poll(() => this.of(method).find(match), () => `the ${method} awaited; got ${this.got()}`, timeoutMs);
  }

  private got(): string {
    return this.calls.map((c) => c.method).join(', ');
  }

  protected handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const path = new URL(req.url ?? '/', this.url).pathname;
    const method = path.startsWith('/respond/') ? 'respond' : path.replace(/^\/api\//, '');
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (this.outage !== undefined) {
      this.refused.push({ method, body, at: Date.now() });
      if (this.outage === 'hang') return void this.held.add(res);
      // What Slack's edge answers when the service behind it is away: not JSON, not a Slack error.
      res.writeHead(503, { 'content-type': 'text/html' });
      return void res.end('<html><body>503 Service Unavailable</body></html>');
    }
    const failure = this.failures.get(method)?.shift();
    if (failure && 'status' in failure) return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter) });
    this.calls.push({ method, body, at: Date.now() });
    if (failure) return json(200, { ok: false, error: failure.error });
    const held = this.holding.get(method);
    if (held) return void held.push(() => this.answer(method, body, json));
    this.answer(method, body, json);
  }

  private answer(method: string, body: Record<string, any>, json: (status: number, payload: unknown) => void): void {
    switch (method) {
      case 'respond':
        return json(200, { ok: true });
      case 'auth.test':
        return json(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'ckex' });
      case 'users.info': {
        const profile = this.users.get(String(body.user)) ?? {};
        return json(200, { ok: true, user: { id: body.user, ...profile } });
      }
      case 'users.lookupByEmail': {
        const email = String(body.email ?? '').toLowerCase();
        const found = [...this.users].find(([, u]) => u.profile?.email?.toLowerCase() === email);
        return found ? json(200, { ok: true, user: { id: found[0], team_id: 'T1', ...found[1] } }) : json(200, { ok: false, error: 'users_not_found' });
      }
      case 'views.open':
        return json(200, { ok: true, view: { id: 'VOPENED', ...(body.view ?? {}) } });
      case 'chat.postMessage':
        return json(200, { ok: true, channel: body.channel, ts: `${Date.now() / 1000}` });
      case 'chat.update': // a live post replaced in place: recorded like any call, answered as Slack does
        return json(200, { ok: true, channel: body.channel, ts: body.ts, text: body.text });
      default:
        return json(200, { ok: true });
    }
  }
}

function parseBody(raw: string, type: string): Record<string, any> {
  if (type.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = k === 'blocks' || k === 'view' || k === 'attachments' ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
}
