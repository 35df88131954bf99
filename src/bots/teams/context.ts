// What the Teams listeners share, and the one way they run a command and render its answer.
import type { Activity, TurnContext } from 'botbuilder';
import { log } from '../../core/log.js';
import type { Dispatcher } from '../../commands/dispatch.js';
import type { Caller, HandleOptions } from '../../core/context.js';
import type { Reply } from '../../core/reply.js';
import type { AsyncStore } from '../../core/store/async-store.js';
import { isShared, scopeOf, teamsCaller } from './inbound.js';
import { formCard } from './form-card.js';
import { referenceOf } from './reference.js';
import { rosterEmail } from './roster.js';
import { renderOnce } from '../render-memo.js';
import { renderCards, type AdaptiveCard } from './render.js';

export interface TeamsSurface {
  dispatcher: Dispatcher;
  store: AsyncStore;
}

export interface Answered {
  reply: Reply;
  cards: AdaptiveCard[];
}

/** The name people see for a channel or group chat, when Teams gives it. */
function teamsChannelName(activity: Activity): { name?: string } {
  const data = activity.channelData as { channel?: { name?: unknown } } | undefined;
  const name = typeof data?.channel?.name === 'string' ? data.channel.name : activity.conversation?.name;
  return typeof name === 'string' && name.trim() !== '' ? { name: name.trim().slice(0, 200) } : {};
}

/** Marks a turn that erased the asker's data: its conversation address is not stored again (bot.ts). */
export const ERASED = Symbol('ckex.erased');

/** Who is asking, with the roster as the witness of their email. */
export const callerOf = (context: TurnContext): Caller => teamsCaller(context.activity, () => rosterEmail(context));

export async function answer(surface: TeamsSurface, context: TurnContext, text: string, options: HandleOptions = {}): Promise<Answered> {
  const activity = context.activity;
  const shared = isShared(activity);
  const caller = callerOf(context);
  const { reply } = await surface.dispatcher.answer(caller, text, { shared, conversational: !shared, channel: { platform: 'teams', id: activity.conversation.id, ...teamsChannelName(activity) }, ...options, files: 'links' });
  // The one-screen form belongs in a personal chat; in a channel the reply's own text says where to go.
  if (reply.erased) context.turnState.set(ERASED, true);
  const cards = reply.form && !shared ? [formCard(reply.form, reply.lang)] : renderOnce(reply, `teams|${shared ? 1 : 0}`, () => renderCards(reply, { localTimes: shared }));
  return { reply, cards };
}

/**
 * Stores where to reach this conversation later, refreshed when it changed (Teams may move serviceUrl).
 * Returns whether it was new.
 */
export async function rememberConversation(surface: TeamsSurface, activity: Activity): Promise<boolean> {
  // Without activityId, which changes with every message: the stored reference changes only when Teams moves it.
  const reference = referenceOf(activity);
  const id = activity.conversation?.id;
  if (!id) return false;
  if (!reference) {
    log.warn({ surface: 'teams' }, 'conversation reference out of bounds: not stored');
    return false;
  }
  const stored = await surface.store.conversation(id);
  if (stored && JSON.stringify(stored.reference) === JSON.stringify(reference)) return false;
  const scope = scopeOf(activity);
  await surface.store.saveConversation({ id, platform: 'teams', scope, reference, ...(scope === 'personal' && activity.from?.id ? { userId: teamsCaller(activity).id } : {}) });
  return stored === undefined;
}
