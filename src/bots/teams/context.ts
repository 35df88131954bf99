// What the Teams listeners share, and the one way they run a command and render its answer.
import { TurnContext, type Activity } from 'botbuilder';
import type { Dispatcher } from '../../commands/dispatch.js';
import type { HandleOptions } from '../../commands/types.js';
import type { Reply } from '../../core/reply.js';
import type { RecentIds } from '../../core/recent-ids.js';
import { withFileLinks } from '../../core/deliver-files.js';
import type { Store } from '../../store/store.js';
import { isShared, scopeOf, teamsCaller } from './inbound.js';
import { formCard } from './form-card.js';
import { renderCards, type AdaptiveCard } from './render.js';

export interface TeamsSurface {
  dispatcher: Dispatcher;
  store: Store;
  recentActivities: RecentIds;
}

export interface Answered {
  reply: Reply;
  cards: AdaptiveCard[];
}

export async function answer(surface: TeamsSurface, activity: Activity, text: string, options: HandleOptions = {}): Promise<Answered> {
  const shared = isShared(activity);
  const reply = withFileLinks(surface.dispatcher.core, await surface.dispatcher.handle(teamsCaller(activity), text, { shared, conversational: !shared, channel: { platform: 'teams', id: activity.conversation.id }, ...options }));
  // The one-screen form belongs in a personal chat; in a channel the reply's own text says where to go.
  const cards = reply.form && !shared ? [formCard(reply.form, reply.lang)] : renderCards(reply, { localTimes: shared });
  return { reply, cards };
}

/**
 * Stores where to reach this conversation later, refreshed when it changed (Teams may move serviceUrl).
 * Returns whether it was new.
 */
export async function rememberConversation(surface: TeamsSurface, activity: Activity): Promise<boolean> {
  // Without activityId, which changes with every message: the stored reference changes only when Teams moves it.
  const { activityId: _perMessage, ...reference } = TurnContext.getConversationReference(activity) as Record<string, unknown>;
  const id = activity.conversation?.id;
  if (!id) return false;
  const stored = surface.store.conversation(id);
  if (stored && JSON.stringify(stored.reference) === JSON.stringify(reference)) return false;
  const scope = scopeOf(activity);
  await surface.store.saveConversation({ id, platform: 'teams', scope, reference, ...(scope === 'personal' && activity.from?.id ? { userId: teamsCaller(activity).id } : {}) });
  return stored === undefined;
}
