// Posting into a Teams conversation without being asked (digests, registration notices): continueConversationAsync
// with the stored reference. A conversation the bot was removed from is forgotten. While its Bot Connector is
// unavailable a post holds back (one tried now and then) and the scheduler tries it again later.
import type { CloudAdapter } from 'botbuilder';
import { log } from '../../core/log.js';
import type { Reply } from '../../core/reply.js';
import type { AsyncStore } from '../../core/store/async-store.js';
import { Availabilities } from '../availability.js';
import { connectorUnavailable, serviceOf } from './connector-http.js';
import { renderCards, summaryOf } from './render.js';
import { isGone, sendCards, statusOf } from './send.js';

export type ProactiveResult = 'sent' | 'gone' | 'unknown-conversation' | 'failed';

export class TeamsProactive {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: AsyncStore,
    private readonly connectors = new Availabilities('Teams'),
  ) {}

  async send(conversationId: string, reply: Reply): Promise<ProactiveResult> {
    const stored = await this.store.conversation(conversationId);
    if (!stored || stored.platform !== 'teams') return 'unknown-conversation';
    const serviceUrl = (stored.reference as { serviceUrl?: unknown }).serviceUrl;
    if (typeof serviceUrl === 'string' && !this.connectors.of(serviceOf(serviceUrl)).admits()) return 'failed';
    const cards = renderCards(reply, { localTimes: stored.scope !== 'personal' });
    // The adapter hands errors thrown inside the turn to onTurnError, so catch them here to act on them.
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.appId, stored.reference, async (context) => {
        await sendCards(context, cards, summaryOf(reply)).catch((err: unknown) => {
          failure = err;
        });
      });
    } catch (err) {
      failure = err;
    }
    if (failure === undefined) return 'sent';
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
