// Correctly signed requests to POST /slack/events, as Slack sends them (api.slack.com/authentication/verifying-requests-from-slack).
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export interface SignOptions {
  secret?: string;
  timestamp?: number;
  retryNum?: number;
}

/** The headers Slack sends with a body: content type, timestamp, and the v0 signature over both. */
export function signedHeaders(body: string, contentType: string, opts: SignOptions = {}): Record<string, string> {
  const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', opts.secret ?? SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signature,
    ...(opts.retryNum !== undefined ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
  };
}

export async function signedPost(url: string, body: string, contentType: string, opts: SignOptions = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: signedHeaders(body, contentType, opts), body });
}

/** A /ckex slash command's form body. */
export function slashCommandBody(text: string, responseUrl: string, user = 'U1'): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'ckex',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    user_name: 'participant',
    command: '/ckex',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/**
 * A signed /ckex. Slack shows an answer carried by the ack exactly as one posted to response_url, so the ack's
 * answer is handed on to the fake's response_url, marked `via: 'ack'`: tests read what the user sees in one place.
 */
export async function slashCommand(url: string, text: string, responseUrl: string, user = 'U1', opts: SignOptions = {}): Promise<Response> {
  const res = await signedPost(url, slashCommandBody(text, responseUrl, user), 'application/x-www-form-urlencoded', opts);
  const body = await res.text();
  if (res.status === 200 && body.startsWith('{')) {
    await fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...JSON.parse(body), via: 'ack' }) });
  }
  return new Response(body === '' ? null : body, { status: res.status, headers: res.headers });
}

let eventCounter = 0;
export function eventCallback(url: string, event: Record<string, unknown>, opts: SignOptions & { eventId?: string } = {}): Promise<Response> {
  const body = JSON.stringify({
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${++eventCounter}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  });
  return signedPost(url, body, 'application/json', opts);
}

export function blockAction(url: string, payload: Record<string, unknown>, opts: SignOptions = {}): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions', team: { id: 'T1' }, api_app_id: 'A1', token: 'legacy', trigger_id: '1.2.3', ...payload }) }).toString();
  return signedPost(url, body, 'application/x-www-form-urlencoded', opts);
}
