// How the Teams bot reaches the Bot Connector: every send, update and roster read gives up after TEAMS_TIMEOUT_MS
// (the connector client would otherwise wait for ever) and tells that connector's availability what it saw. The
// client's own retries stay: a 5xx or a refused connection is tried four times in about 7–14 s (1–2, 2–4 and 4–8 s
// apart) and a 429 after Retry-After; a timeout is not tried again (the activity may have been delivered).
// The connector client is made per turn (and per proactive post) by a ConnectorFactory: wrapping the factories the
// authentication hands out covers both paths without touching botbuilder's send logic.
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { Availabilities, Availability } from '../availability.js';
import { statusOf } from './send.js';

type Factory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type Client = Awaited<ReturnType<Factory['create']>>;
type Conversations = Client['conversations'];
type Claims = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];

/** The Bot Connector answers in about a second; a request still unanswered after this is given up. */
export const TEAMS_TIMEOUT_MS = 10_000;

/** The connector a serviceUrl names ("https://smba.trafficmanager.net/emea"). */
export const serviceOf = (serviceUrl: string): string => serviceUrl.replace(/\/+$/, '');

/** Why an error means the Bot Connector is unavailable ("HTTP 503", "timeout", "unreachable"), or undefined. */
export function connectorUnavailable(err: unknown): string | undefined {
  const status = statusOf(err);
  if (status !== undefined) return status >= 500 ? `HTTP ${status}` : undefined;
  const e = (err ?? {}) as { name?: unknown; code?: unknown };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return 'timeout';
  // ECONNREFUSED, ECONNRESET…, or the client's own word for a request that could not be sent.
  return typeof e.code === 'string' && (/^E[A-Z]+$/.test(e.code) || e.code === 'REQUEST_SEND_ERROR') ? 'unreachable' : undefined;
}

/** The authentication CloudAdapter uses, handing out connector clients that give up in time. */
export class TimedAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0],
    private readonly connectors: Availabilities,
    private readonly timeoutMs = TEAMS_TIMEOUT_MS,
    authConfiguration?: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[2],
  ) {
    super(options, undefined, authConfiguration);
  }

  /** Proactive posts (continueConversationAsync). */
  override createConnectorFactory(claims: Claims): Factory {
    return this.timed(super.createConnectorFactory(claims));
  }

  /** Replies within a turn: the factory comes with the authenticated request. */
  override async authenticateRequest(activity: Activity, authHeader: string): ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.timed(result.connectorFactory) } : result;
  }

  private timed(factory: Factory): Factory {
    return { create: async (serviceUrl, audience) => timedClient(await factory.create(serviceUrl, audience), this.connectors.of(serviceOf(serviceUrl)), this.timeoutMs) };
  }
}

function timedClient(client: Client, connector: Availability, timeoutMs: number): Client {
  const watch = async <T>(call: Promise<T>): Promise<T> => {
    try {
      const result = await call;
      connector.answered();
      return result;
    } catch (err) {
      const reason = connectorUnavailable(err);
      if (reason) connector.failed(reason);
      else if (statusOf(err) !== undefined) connector.answered(); // a 4xx is an answer
      throw err;
    }
  };
  const c = client.conversations;
  const options = { timeout: timeoutMs };
  const [send, reply, update, member] = [c.sendToConversation.bind(c), c.replyToActivity.bind(c), c.updateActivity.bind(c), c.getConversationMember.bind(c)];
  c.sendToConversation = ((id: string, activity: Partial<Activity>) => watch(send(id, activity, options))) as Conversations['sendToConversation'];
  c.replyToActivity = ((id: string, to: string, activity: Partial<Activity>) => watch(reply(id, to, activity, options))) as Conversations['replyToActivity'];
  c.updateActivity = ((id: string, of: string, activity: Partial<Activity>) => watch(update(id, of, activity, options))) as Conversations['updateActivity'];
  c.getConversationMember = ((id: string, user: string) => watch(member(id, user, options))) as Conversations['getConversationMember'];
  return client;
}
