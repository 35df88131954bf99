// How the core reaches Slack users and channels unasked: a DM from the app, or a post in a channel (with date
// tokens, so every reader sees their own time). Rate limits are waited out by the Web API client (Retry-After).
// While Slack is unavailable these posts hold back (one tried now and then) and are tried again by the scheduler.
import type { WebClient } from '@slack/web-api';
import { log } from '../../core/log.js';
import type { Poster } from '../../core/notify.js';
import type { Availability } from '../availability.js';
import { slackUnavailable } from './http.js';
import { renderMessages } from './render.js';
import { CHANNEL_GONE, postMessages, slackErrorCode } from './send.js';

/** "slack:T1:U1" → "U1". */
const slackUser = (userId: string): string => userId.split(':').pop() ?? userId;

export function slackPoster(client: WebClient, slackUp: Availability): Poster {
  return {
    async post(target, reply) {
      if (!slackUp.admits()) return 'failed';
      const personal = 'user' in target;
      try {
        await postMessages(client, personal ? slackUser(target.user) : target.channel, renderMessages(reply, { dateTokens: !personal }));
        return 'sent';
      } catch (err) {
        if (slackUnavailable(err)) return 'failed'; // logged once for the whole outage
        const code = slackErrorCode(err);
        log.warn({ code, to: personal ? 'user' : 'channel' }, 'Slack post failed');
        return code && CHANNEL_GONE.has(code) ? 'gone' : 'failed';
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
