// How the core reaches Slack users and channels unasked: a DM from the app, or a post in a channel.
import type { WebClient } from '@slack/web-api';
import type { Sender } from '../../core/notify.js';
import type { Reply } from '../../core/reply.js';
import { renderMessages } from './render.js';
import { postMessages } from './send.js';

/** "slack:T1:U1" → "U1". */
const slackUser = (userId: string): string => userId.split(':').pop() ?? userId;

export function slackSender(client: WebClient): Sender {
  return {
    async toUser(userId: string, reply: Reply) {
      await postMessages(client, slackUser(userId), renderMessages(reply, { dateTokens: false }));
      return true;
    },
    async toChannel(channel: string, reply: Reply) {
      await postMessages(client, channel, renderMessages(reply, { dateTokens: true }));
      return true;
    },
  };
}
