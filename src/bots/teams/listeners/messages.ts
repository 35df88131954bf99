// Messages in personal chat, group chats and channels (@CKEx), and Action.Submit from older clients.
import type { TurnContext } from 'botbuilder';
import { answer, type TeamsSurface } from '../context.js';
import { cardSubmit, commandText, formSubmit } from '../inbound.js';
import { summaryOf } from '../render.js';
import { sendCards } from '../send.js';
import { onRegisterSubmit } from './actions.js';

/** How long a Teams activity id is remembered against redelivery. */
const ACTIVITY_REDELIVERY_S = 60 * 60;

export async function onMessage(surface: TeamsSurface, context: TurnContext): Promise<void> {
  const activity = context.activity;
  // A redelivered activity (same id in its conversation) is answered once, on whichever instance it lands.
  if (activity.id && !(await surface.store.firstSeen('teams-activity', `${activity.conversation.id}/${activity.id}`, ACTIVITY_REDELIVERY_S))) return;
  const form = formSubmit(activity.value);
  if (form) {
    // Action.Submit from clients without Action.Execute: answer with a new card.
    await sendCards(context, [await onRegisterSubmit(surface, context, form)], '');
    return;
  }
  const submit = cardSubmit(activity.value);
  const text = submit ? submit.ckex : commandText(activity);
  const { reply, cards } = await answer(surface, context, text, submit?.lang ? { lang: submit.lang } : {});
  await sendCards(context, cards, summaryOf(reply));
}
