// Digests into Slack channels: date tokens so every reader sees their own time; a channel that is gone is
// reported so the subscription pauses. Rate limits are waited out by the Web API client (Retry-After).
import type { WebClient } from '@slack/web-api';
import { log } from '../../core/log.js';
import type { DigestPoster } from '../../scheduled/index.js';
import { renderMessages } from './render.js';
import { CHANNEL_GONE, postMessages, slackErrorCode } from './send.js';

export function slackDigestPoster(client: WebClient): DigestPoster {
  return {
    async post(sub, reply) {
      try {
        await postMessages(client, sub.channel, renderMessages(reply, { dateTokens: true }));
        return 'sent';
      } catch (err) {
        const code = slackErrorCode(err);
        log.warn({ subscription: sub.id, code }, 'Slack digest post failed');
        return code && CHANNEL_GONE.has(code) ? 'gone' : 'failed';
      }
    },
  };
}
