// Installed in a team, a group chat or personal scope: store the conversation and welcome once;
// uninstalled (or the bot removed): forget the conversation.
import type { TurnContext } from 'botbuilder';
import { homeReply } from '../../../views/home.js';
import { rememberConversation, type TeamsSurface } from '../context.js';
import { isShared, teamsCaller } from '../inbound.js';
import { renderCards, summaryOf } from '../render.js';
import { sendCards } from '../send.js';

export async function onInstalled(surface: TeamsSurface, context: TurnContext): Promise<void> {
  const isNew = await rememberConversation(surface, context.activity);
  if (!isNew) return; // Teams sends both installationUpdate and conversationUpdate: welcome once
  const ctx = await surface.dispatcher.context(teamsCaller(context.activity), '', { shared: isShared(context.activity) });
  const reply = homeReply(ctx);
  await sendCards(context, renderCards(reply, { localTimes: ctx.shared }), summaryOf(reply));
}

export async function onUninstalled(surface: TeamsSurface, context: TurnContext): Promise<void> {
  await surface.store.dropConversation(context.activity.conversation.id);
}
