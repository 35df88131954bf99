// Signed slash-command requests, as Slack sends them (after tests/helpers/slack-requests.ts).
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789';

export function slashCommandRequest(text: string, responseUrl: string, user: string): { headers: Record<string, string>; body: string } {
  const body = new URLSearchParams({
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
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature }, body };
}
