// Sending rendered replies to Slack, and what its errors mean. Rate limits are retried by the Web API client
// after Retry-After; a channel the app cannot post in is reported, never retried.
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { log } from '../../core/log.js';
import type { SlackMessage } from './render.js';

/** Errors meaning the channel is gone for us: retrying will not help. */
export const CHANNEL_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'account_inactive', 'restricted_action']);

export function slackErrorCode(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

export async function postMessages(client: WebClient, channel: string, messages: SlackMessage[], threadTs?: string): Promise<void> {
  for (const m of messages) {
    await client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, unfurl_links: false, ...(threadTs ? { thread_ts: threadTs } : {}) });
  }
}

/** replace-for-all: the channel message the button was on, replaced for everyone (an organisers' decision). */
export type RespondMode = 'ephemeral' | 'in_channel' | 'replace' | 'replace-for-all';

export async function respondMessages(respond: RespondFn, messages: SlackMessage[], mode: RespondMode): Promise<void> {
  for (const [i, m] of messages.entries()) {
    const replace = (mode === 'replace' || mode === 'replace-for-all') && i === 0;
    await respond({
      text: m.text,
      blocks: m.blocks,
      response_type: mode === 'in_channel' || mode === 'replace-for-all' ? 'in_channel' : 'ephemeral',
      replace_original: replace,
    });
  }
}

/** Posts, and if the channel refuses us, tells the user privately why (and logs it) instead of failing silently. */
export async function postOrExplain(client: WebClient, target: { channel: string; user: string; threadTs?: string }, messages: SlackMessage[], explanation: string): Promise<void> {
  try {
    await postMessages(client, target.channel, messages, target.threadTs);
  } catch (err) {
    const code = slackErrorCode(err);
    if (!code || !CHANNEL_GONE.has(code)) throw err;
    log.warn({ code, channel: target.channel }, 'Slack refused a post; telling the user');
    await client.chat.postEphemeral({ channel: target.channel, user: target.user, text: explanation }).catch((e: unknown) => {
      log.warn({ code: slackErrorCode(e), channel: target.channel }, 'could not tell the user either');
    });
  }
}
