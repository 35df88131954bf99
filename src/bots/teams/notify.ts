// How the core reaches Teams users and conversations unasked: the stored personal or channel conversation.
import type { Poster } from '../../core/notify.js';
import type { AsyncStore } from '../../core/store/async-store.js';
import type { TeamsProactive } from './proactive.js';

export function teamsPoster(proactive: TeamsProactive, store: AsyncStore): Poster {
  return {
    async post(target, reply) {
      if ('user' in target) {
        // Without the bot's personal chat (the app not installed for them) a person cannot be reached yet.
        const personal = (await store.conversationsOf(target.user)).find((c) => c.platform === 'teams' && c.scope === 'personal');
        if (!personal) return 'failed';
        const result = await proactive.send(personal.id, reply);
        return result === 'sent' ? 'sent' : 'failed';
      }
      const result = await proactive.send(target.channel, reply);
      return result === 'sent' || result === 'failed' ? result : 'gone';
    },
  };
}
