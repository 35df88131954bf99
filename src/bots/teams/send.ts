// Sending cards to Teams, and what its errors mean: throttling is retried with backoff and jitter
// (after Retry-After when given); a conversation the bot was removed from is reported as gone.
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from './render.js';

// A 5xx is not retried here: the connector client has already tried it four times (connector-http.ts), and
// trying those four again five times made one post cost 20 requests over half a minute while Teams was down.
const RETRIABLE = new Set([412, 429]);
const GONE_CODES = new Set(['BotNotInConversationRoster', 'ConversationBlockedByUser']);

export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; response?: { status?: unknown } };
  const status = e.statusCode ?? e.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function errorCodeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; body?: { error?: { code?: unknown } }; response?: { bodyAsText?: string } };
  if (typeof e.body?.error?.code === 'string') return e.body.error.code;
  try {
    const parsed = JSON.parse(e.response?.bodyAsText ?? '') as { error?: { code?: unknown } };
    if (typeof parsed.error?.code === 'string') return parsed.error.code;
  } catch {
    /* no body */
  }
  return typeof e.code === 'string' ? e.code : undefined;
}

/** The bot can no longer post in this conversation: drop what we stored for it. */
export function isGone(err: unknown): boolean {
  const status = statusOf(err);
  return status === 404 || (status === 403 && GONE_CODES.has(errorCodeOf(err) ?? ''));
}

function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: { get?: (n: string) => string | undefined } } }).response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}
export const TEAMS_RETRY: RetryPolicy = { attempts: 5, baseMs: 250, maxMs: 8000 };

export async function withRetry<T>(send: () => Promise<T>, policy: RetryPolicy = TEAMS_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      const status = statusOf(err);
      if (attempt >= policy.attempts || status === undefined || !RETRIABLE.has(status)) throw err;
      const backoff = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
      const wait = retryAfterMs(err) ?? backoff / 2 + Math.random() * (backoff / 2); // equal jitter
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

export function cardActivity(card: AdaptiveCard, summary: string) {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = summary;
  return activity;
}

export async function sendCards(context: TurnContext, cards: AdaptiveCard[], summary: string): Promise<void> {
  for (const card of cards) await withRetry(() => context.sendActivity(cardActivity(card, summary)));
}
