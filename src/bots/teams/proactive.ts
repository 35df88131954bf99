// Posting into a Teams conversation without being asked (digests, registration notices): continueConversationAsync
// with the stored reference; a live post is placed (its activity id kept) and later replaced with updateActivity.
// A conversation the bot was removed from is forgotten. While its Bot Connector is
// unavailable a post holds back (one tried now and then) and the scheduler tries it again later.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { log } from '../../core/log.js';
import type { Reply } from '../../core/reply.js';
import type { AsyncStore } from '../../core/store/async-store.js';
import { Availabilities } from '../availability.js';
import { connectorUnavailable, serviceOf } from './connector-http.js';
import { renderCards, summaryOf } from './render.js';
import { cardActivity, isGone, sendCards, statusOf, withRetry } from './send.js';

export type ProactiveResult = 'sent' | 'gone' | 'unknown-conversation' | 'failed';

export class TeamsProactive {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: AsyncStore,
    private readonly connectors = new Availabilities('Teams'),
  ) {}

  async send(conversationId: string, reply: Reply): Promise<ProactiveResult> {
    return this.within(conversationId, reply, (context, cards) => sendCards(context, cards, summaryOf(reply)));
  }

  /** Posts a reply and gives the id of its first card's activity, to update it in place later. */
  async place(conversationId: string, reply: Reply): Promise<{ result: ProactiveResult; activityId?: string }> {
    let activityId: string | undefined;
    const result = await this.within(conversationId, reply, async (context, cards) => {
      for (const [i, card] of cards.entries()) {
        const sent = await withRetry(() => context.sendActivity(cardActivity(card, summaryOf(reply))));
        if (i === 0) activityId = sent?.id;
      }
    });
    return { result, ...(activityId ? { activityId } : {}) };
  }

  /**
   * Replaces a posted activity with the reply's first card (a live post fits one). A 404 here may be the message
   * deleted rather than the conversation gone: the message is given up, the conversation kept.
   */
  update(conversationId: string, activityId: string, reply: Reply): Promise<ProactiveResult> {
    const act = async (context: TurnContext, cards: ReturnType<typeof renderCards>) => {
      const [card] = cards;
      if (card) await withRetry(() => context.updateActivity({ ...cardActivity(card, summaryOf(reply)), id: activityId }));
    };
    return this.within(conversationId, reply, act, { forget: false });
  }

  /** Runs `act` in the stored conversation; what failed inside says whether the conversation is gone. */
  private async within(conversationId: string, reply: Reply, act: (context: TurnContext, cards: ReturnType<typeof renderCards>) => Promise<void>, options = { forget: true }): Promise<ProactiveResult> {
    const stored = await this.store.conversation(conversationId);
    if (!stored || stored.platform !== 'teams') return 'unknown-conversation';
    const serviceUrl = (stored.reference as { serviceUrl?: unknown }).serviceUrl;
    if (typeof serviceUrl === 'string' && !this.connectors.of(serviceOf(serviceUrl)).admits()) return 'failed';
    const cards = renderCards(reply, { localTimes: stored.scope !== 'personal' });
    // The adapter hands errors thrown inside the turn to onTurnError, so catch them here to act on them.
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.appId, stored.reference, async (context) => {
        await act(context, cards).catch((err: unknown) => {
          failure = err;
        });
      });
    } catch (err) {
      failure = err;
    }
    if (failure === undefined) return 'sent';
    if (isGone(failure) && !options.forget) return 'gone';
    if (isGone(failure)) {
      log.warn({ conversation: conversationId, status: statusOf(failure) }, 'Teams conversation is gone; forgetting it');
      await this.store.dropConversation(conversationId);
      return 'gone';
    }
    // The connector away is logged once for the whole outage, by its availability.
    if (!connectorUnavailable(failure)) log.error({ conversation: conversationId, status: statusOf(failure), err: (failure as Error).message }, 'Teams proactive send failed');
    return 'failed';
  }
}
