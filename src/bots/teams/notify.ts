// How the core reaches Teams users and conversations unasked: the stored personal or channel conversation.
import type { Sender } from '../../core/notify.js';
import type { Reply } from '../../core/reply.js';
import type { AsyncStore } from '../../core/store/async-store.js';
import type { TeamsProactive } from './proactive.js';

export function teamsSender(proactive: TeamsProactive, store: AsyncStore): Sender {
  return {
    async toUser(userId: string, reply: Reply) {
      const personal = (await store.conversationsOf(userId)).find((c) => c.platform === 'teams' && c.scope === 'personal');
      return personal ? (await proactive.send(personal.id, reply)) === 'sent' : false;
    },
    async toChannel(conversationId: string, reply: Reply) {
      return (await proactive.send(conversationId, reply)) === 'sent';
    },
  };
}
