// Signed Slack requests for the benchmarks: the same signing as the tests (tests/helpers/slack-requests.ts).
import { signedHeaders, slashCommandBody } from '../tests/helpers/slack-requests.js';

export const SIGNING_SECRET = 'bench-signing-secret-0123456789';

export function signedRequest(body: string): { headers: Record<string, string>; body: string } {
  return { headers: signedHeaders(body, 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET }), body };
}

export function slashCommandRequest(text: string, responseUrl: string, user: string): { headers: Record<string, string>; body: string } {
  return signedRequest(slashCommandBody(text, responseUrl, user));
}
