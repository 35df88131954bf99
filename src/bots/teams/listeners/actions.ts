// Card buttons (Action.Execute → invoke "adaptiveCard/action"): in personal chat the card is updated in
// place; in a channel the shared card stays as it is and the answer comes as a new message.
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { answer, type TeamsSurface } from '../context.js';
import { cardSubmit, isShared } from '../inbound.js';
import { summaryOf } from '../render.js';
import { sendCards } from '../send.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

export async function onCardAction(surface: TeamsSurface, context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
  const submit = cardSubmit(value?.action?.data);
  if (!submit) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'not a CKEx card action' } as never };
  const { reply, cards } = await answer(surface, context.activity, submit.ckex, submit.lang ? { lang: submit.lang } : {});
  if (isShared(context.activity)) {
    await sendCards(context, cards, summaryOf(reply));
    return { statusCode: 200, type: MESSAGE, value: summaryOf(reply) as never };
  }
  await sendCards(context, cards.slice(1), summaryOf(reply));
  return { statusCode: 200, type: CARD, value: cards[0] as never };
}
