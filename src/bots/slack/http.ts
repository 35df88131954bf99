// How the Slack app reaches Slack over HTTP (the Web API and response_url alike): each request gives up after
// SLACK_TIMEOUT_MS instead of the minutes Node's fetch would wait, every answer tells Slack's availability what it
// saw, and what failed is retried at once only when Slack surely did not carry it out (a 5xx, a refused connection).
// A request that timed out may have been carried out, so it is not sent again at once: a reply is not doubled, and
// a scheduled post is tried again on a later scheduler tick.
import type { FetchFunction } from '@slack/web-api';
import type { Availability } from '../availability.js';

/** Slack answers in well under a second; a request still unanswered after this is given up. */
export const SLACK_TIMEOUT_MS = 10_000;

/** Why an error means Slack is unavailable ("HTTP 503", "timeout", "unreachable"), or undefined for anything else. */
export function slackUnavailable(err: unknown): string | undefined {
  const e = (err ?? {}) as { code?: unknown; statusCode?: unknown; original?: unknown; name?: unknown; message?: unknown };
  if (e.name === 'TimeoutError') return 'timeout';
  if (e.name === 'TypeError' && e.message === 'fetch failed') return 'unreachable';
  switch (e.code) {
    case 'slack_webapi_request_error': // the Web API client's wrapper of a network failure
      return slackUnavailable(e.original) ?? 'unreachable';
    case 'slack_webapi_http_error':
    case 'slack_bolt_respond_error':
      return typeof e.statusCode === 'number' && e.statusCode >= 500 ? `HTTP ${e.statusCode}` : undefined;
    case 'slack_bolt_unknown_error': // Bolt's wrapper of an error without a code
      return slackUnavailable(e.original);
    default:
      return undefined;
  }
}

/**
 * Retries of a 5xx or a refused connection: four tries within about two seconds, so a person is never kept waiting
 * long and an outage costs a scheduled post four requests. 429s wait for Retry-After. A timeout is not retried.
 */
export const SLACK_RETRY = {
  retries: 3,
  factor: 2,
  minTimeout: 300,
  maxTimeout: 3000,
  randomize: true,
  onFailedAttempt: (err: Error) => {
    if (slackUnavailable(err) === 'timeout') throw err;
  },
};

/** fetch with a timeout, telling `slackUp` whether Slack answered. */
export function slackFetch(slackUp: Availability, timeoutMs = SLACK_TIMEOUT_MS): FetchFunction {
  return async (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const res = await fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
      if (res.status >= 500) slackUp.failed(`HTTP ${res.status}`);
      else slackUp.answered();
      return res;
    } catch (err) {
      if (!init?.signal?.aborted) slackUp.failed(slackUnavailable(err) ?? 'unreachable'); // not the caller's own abort
      throw err;
    }
  };
}
