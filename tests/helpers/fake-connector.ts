// A small fake Bot Connector on 127.0.0.1: records the activities the bot posts, can fail the next ones, and can go
// down: every activity answered 500 or 503, or never answered, until it comes back up.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackFake } from './loopback.js';
import { poll } from './poll.js';

export interface ConnectorCall {
  conversationId: string;
  replyToId?: string;
  /** PUT: an update of an activity already posted (updateActivity), by its id. */
  updates?: string;
  activity: Record<string, any>;
  at: number;
}

interface Failure {
  status: number;
  code?: string;
  retryAfter?: number;
}

/** How the Bot Connector is down: a 5xx to every activity, or activities read and never answered. */
export type Outage = 500 | 503 | 'hang';

export class FakeConnector extends LoopbackFake<Outage> {
  readonly calls: ConnectorCall[] = [];
  /** The roster: GET /v3/conversations/{id}/members/{userId} answers with these (email, userPrincipalName). */
  readonly members = new Map<string, { email?: string; userPrincipalName?: string }>();
  /** Activities that arrived while the connector was down: not delivered, so never in `calls`. */
  readonly refused: ConnectorCall[] = [];
  private failures: Failure[] = [];
  attempts = 0;
  protected override readonly urlEnd = '/';

  failNext(...failures: Failure[]): void {
    this.failures.push(...failures);
  }


  /** The updates in place (PUT) of one posted activity, oldest first. */
  updatesOf(activityId: string): ConnectorCall[] {
    return this.calls.filter((c) => c.updates === activityId);
  }

  cards(): Record<string, any>[] {
    return this.calls.flatMap((c) => (c.activity.attachments ?? []).map((a: any) => a.content));
  }

  waitFor(count = 1, timeoutMs = 10_000): Promise<ConnectorCall[]> {
    return poll(() => (this.calls.length >= count ? this.calls : undefined), () => `${count} activities; got ${this.calls.length}`, timeoutMs);
  }

  /** Waits for an activity that `match` picks (a marker's answer), and gives it. */
  waitForOne(match: (call: ConnectorCall) => boolean, timeoutMs = 10_000): Promise<ConnectorCall> {
    return poll(() => this.calls.find(match), () => `the activity awaited; got ${this.calls.length}`, timeoutMs);
  }

  protected handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/?]+)/.exec(req.url ?? '');
    if (req.method === 'GET' && member) {
      const id = decodeURIComponent(member[2]!);
      const found = this.members.get(id);
      res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(found ? { id, name: 'Member', ...found } : { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }));
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    if (match && this.outage !== undefined && (req.method === 'POST' || req.method === 'PUT')) {
      this.attempts++;
      this.refused.push({ conversationId: decodeURIComponent(match[1]!), activity: JSON.parse(raw) as Record<string, any>, at: Date.now() });
      if (this.outage === 'hang') return void this.held.add(res);
      res.writeHead(this.outage, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'fake outage' } }));
    }
    if (req.method === 'PUT' && match?.[2]) {
      this.attempts++;
      const failure = this.failures.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ error: { code: failure.code ?? 'Failure', message: 'fake failure' } }));
      }
      this.calls.push({ conversationId: decodeURIComponent(match[1]!), updates: decodeURIComponent(match[2]), activity: JSON.parse(raw) as Record<string, any>, at: Date.now() });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: decodeURIComponent(match[2]) }));
      return;
    }
    if (req.method !== 'POST' || !match) {
      res.writeHead(404).end();
      return;
    }
    this.attempts++;
    const failure = this.failures.shift();
    if (failure) {
      res.writeHead(failure.status, { 'content-type': 'application/json', ...(failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {}) });
      res.end(JSON.stringify({ error: { code: failure.code ?? 'Failure', message: 'fake failure' } }));
      return;
    }
    const activity = JSON.parse(raw) as Record<string, any>;
    this.calls.push({ conversationId: decodeURIComponent(match[1]!), ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}), activity, at: Date.now() });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `sent-${this.calls.length}` }));
  }
}

let counter = 0;
/** A Teams activity as the Bot Connector posts it to /api/messages. */
export function teamsActivity(serviceUrl: string, fields: Record<string, any> = {}): Record<string, any> {
  const scope = fields.conversationType ?? 'personal';
  const { conversationType: _drop, ...rest } = fields;
  return {
    type: 'message',
    id: `act-${++counter}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: '29:user-1', name: 'Participant', aadObjectId: 'aad-user-1' },
    conversation: { id: scope === 'personal' ? 'a:personal-1' : '19:channel-1@thread.tacv2;messageid=1', conversationType: scope, tenantId: 'tenant-1' },
    recipient: { id: '28:ckex-bot', name: 'CKEx' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
    ...rest,
  };
}

export async function postActivity(url: string, activity: Record<string, any>): Promise<Response> {
  return fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
}
