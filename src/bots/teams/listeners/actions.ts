// Card buttons (Action.Execute → invoke "adaptiveCard/action"): in personal chat the card is updated in
// place; in a channel the shared card stays as it is and the answer comes as a new message.
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { submitOneScreenForm } from '../../../commands/one-screen-form.js';
import { answer, callerOf, type TeamsSurface } from '../context.js';
import { formCard, REGISTER_VERB } from '../form-card.js';
import { cardSubmit, formSubmit, isShared } from '../inbound.js';
import { renderCards, summaryOf } from '../render.js';
import { cardActivity, sendCards } from '../send.js';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** A form card's submit button (registration, feedback): the same card back with errors, or the confirmation. */
export async function onRegisterSubmit(surface: TeamsSurface, context: TurnContext, submitted: NonNullable<ReturnType<typeof formSubmit>>) {
  const { lang } = submitted;
  const ctx = await surface.dispatcher.context(callerOf(context), '', { conversational: true, ...(lang ? { lang } : {}) });
  const outcome = await submitOneScreenForm(ctx, submitted.form, submitted.subject, submitted.values);
  return outcome.ok ? renderCards(outcome.reply, { localTimes: false })[0]! : formCard(outcome.view, ctx.lang);
}

export async function onCardAction(surface: TeamsSurface, context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
  if (value?.action?.verb === REGISTER_VERB) {
    const form = formSubmit(value.action.data);
    if (form) return { statusCode: 200, type: CARD, value: (await onRegisterSubmit(surface, context, form)) as never };
  }
  const submit = cardSubmit(value?.action?.data);
  if (!submit) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'not a CKEx card action' } as never };
  const { reply, cards } = await answer(surface, context, submit.ckex, submit.lang ? { lang: submit.lang } : {});
  if (isShared(context.activity)) {
    // A decision replaces the organisers' notice for everyone: the card the button was on is updated in place.
    if (reply.replacesSource && context.activity.replyToId) {
      await context.updateActivity({ ...cardActivity(cards[0]!, summaryOf(reply)), id: context.activity.replyToId });
      return { statusCode: 200, type: CARD, value: cards[0] as never };
    }
    // An answer for the presser alone (a star) is shown to them only, as the action's own message; others go to all.
    if (!reply.personal) await sendCards(context, cards, summaryOf(reply));
    return { statusCode: 200, type: MESSAGE, value: summaryOf(reply) as never };
  }
  await sendCards(context, cards.slice(1), summaryOf(reply));
  return { statusCode: 200, type: CARD, value: cards[0] as never };
}
