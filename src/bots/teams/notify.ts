// How the core reaches Teams users and conversations unasked: the stored personal or channel conversation; a live
// post is placed and updated in place.
import type { Placed, PostResult, Poster } from '../../core/notify.js';
import type { AsyncStore } from '../../core/store/async-store.js';
import type { ProactiveResult, TeamsProactive } from './proactive.js';

const channelResult = (result: ProactiveResult): PostResult => (result === 'sent' || result === 'failed' ? result : 'gone');

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
      return channelResult(await proactive.send(target.channel, reply));
    },
    async place(channel, reply): Promise<Placed> {
      const placed = await proactive.place(channel, reply);
      const result = channelResult(placed.result);
      return result === 'sent' ? { result, ref: placed.activityId ? { activityId: placed.activityId } : ({} as Record<string, string>) } : { result };
    },
    async update(channel, ref, reply) {
      return ref.activityId ? channelResult(await proactive.update(channel, ref.activityId, reply)) : 'gone';
    },
  };
}
