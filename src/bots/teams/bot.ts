// The Teams bot: botbuilder's ActivityHandler routing each kind of activity to its listener.
import { ActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
import { StoreUnavailableError } from '../../core/store/errors.js';
import { ERASED, rememberConversation, type TeamsSurface } from './context.js';
import { onCardAction } from './listeners/actions.js';
import { onInstalled, onUninstalled } from './listeners/install.js';
import { onMessage } from './listeners/messages.js';

export class CkexTeamsBot extends ActivityHandler {
  constructor(private readonly surface: TeamsSurface) {
    super();
    this.onTurn(async (context, next) => {
      try {
        await next();
      } finally {
        // After the reply is sent, so the user never waits for the store (and also when the reply failed: Teams
        // may have moved the conversation): the stored reference is refreshed, written only when it changed.
        // Install and uninstall have listeners of their own.
        // A turn that erased the user's data keeps nothing, not even where to reach them.
        // The store out of reach: the answer went; the reference waits for the next message (no 5xx to Teams).
        if ((context.activity.type === 'message' || context.activity.type === 'invoke') && !context.turnState.get(ERASED)) {
          await rememberConversation(surface, context.activity).catch((err: unknown) => {
            if (!(err instanceof StoreUnavailableError)) throw err;
          });
        }
      }
    });
    this.onMessage(async (context, next) => {
      await onMessage(surface, context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await onInstalled(surface, context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await onUninstalled(surface, context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id)) await onInstalled(surface, context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (context.activity.membersRemoved?.some((m) => m.id === context.activity.recipient.id)) await onUninstalled(surface, context);
      await next();
    });
  }

  protected override onAdaptiveCardInvoke(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return onCardAction(this.surface, context, value);
  }
}
