// Digests into Teams channels and chats, through the stored conversation reference.
import type { DigestPoster } from '../../scheduled/index.js';
import type { TeamsProactive } from './proactive.js';

export function teamsDigestPoster(proactive: TeamsProactive): DigestPoster {
  return {
    async post(sub, reply) {
      const result = await proactive.send(sub.channel, reply);
      return result === 'sent' ? 'sent' : result === 'failed' ? 'failed' : 'gone';
    },
  };
}
