// How the core reaches Slack users and channels unasked: a DM from the app, or a post in a channel (with date
// tokens, so every reader sees their own time). Rate limits are waited out by the Web API client (Retry-After).
// While Slack is unavailable these posts hold back (one tried now and then) and are tried again by the scheduler.
// A live post is placed (its ts kept) and later replaced with chat.update.
import type { WebClient } from '@slack/web-api';
import { log } from '../../core/log.js';
import type { Placed, PostResult, Poster } from '../../core/notify.js';
import type { Availability } from '../availability.js';
import { slackUnavailable } from './http.js';
import { renderMessages } from './render.js';
import { CHANNEL_GONE, postMessages, slackErrorCode } from './send.js';

/** "slack:T1:U1" → "U1". */
const slackUser = (userId: string): string => userId.split(':').pop() ?? userId;

/** Errors of chat.update meaning the message can no longer be updated: it was deleted, or is not ours. */
const MESSAGE_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

function failure(err: unknown, to: string): 'gone' | 'failed' {
  if (slackUnavailable(err)) return 'failed'; // logged once for the whole outage
  const code = slackErrorCode(err);
  log.warn({ code, to }, 'Slack post failed');
  return code && (CHANNEL_GONE.has(code) || MESSAGE_GONE.has(code)) ? 'gone' : 'failed';
}

export function slackPoster(client: WebClient, slackUp: Availability): Poster {
  return {
    async post(target, reply) {
      if (!slackUp.admits()) return 'failed';
      const personal = 'user' in target;
      try {
        await postMessages(client, personal ? slackUser(target.user) : target.channel, renderMessages(reply, { dateTokens: !personal }));
        return 'sent';
      } catch (err) {
        return failure(err, personal ? 'user' : 'channel');
      }
    },
    async place(channel, reply): Promise<Placed> {
      if (!slackUp.admits()) return { result: 'failed' };
      const [first, ...more] = renderMessages(reply, { dateTokens: true });
      try {
        const posted = await client.chat.postMessage({ channel, text: first?.text ?? '', blocks: first?.blocks ?? [], unfurl_links: false });
        if (more.length > 0) await postMessages(client, channel, more);
        return typeof posted.ts === 'string' ? { result: 'sent', ref: { ts: posted.ts, channel: posted.channel ?? channel } } : { result: 'sent', ref: {} };
      } catch (err) {
        return { result: failure(err, 'channel') };
      }
    },
    async update(channel, ref, reply): Promise<PostResult> {
      if (!slackUp.admits()) return 'failed';
      const [first] = renderMessages(reply, { dateTokens: true });
      if (!first || !ref.ts) return 'gone';
      try {
        await client.chat.update({ channel: ref.channel ?? channel, ts: ref.ts, text: first.text, blocks: first.blocks });
        return 'sent';
      } catch (err) {
        return failure(err, 'channel');
      }
    },
    // users.lookupByEmail (users:read.email): a member of the workspace with this email, if any.
    async findByEmail(email) {
      if (!slackUp.admits()) return undefined;
      try {
        const { user } = await client.users.lookupByEmail({ email });
        return user?.id && user.team_id ? `slack:${user.team_id}:${user.id}` : undefined;
      } catch (err) {
        if (slackErrorCode(err) !== 'users_not_found') log.warn({ code: slackErrorCode(err) }, 'Slack look-up by email failed');
        return undefined;
      }
    },
  };
}
