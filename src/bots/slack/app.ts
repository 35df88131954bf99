// The Slack app: Bolt on our express server at POST /slack/events (or Socket Mode with SLACK_APP_TOKEN).
import { App, ExpressReceiver, LogLevel, type Logger } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Application } from 'express';
import type { Dispatcher } from '../../commands/dispatch.js';
import type { Config } from '../../core/config.js';
import { log } from '../../core/log.js';
import { Availability } from '../availability.js';
import { receiptOf } from './ack-budget.js';
import { BotIdentity } from './identity.js';
import { registerSlackEndpoint, SLACK_EVENTS_PATH } from './endpoint.js';
import { responseOrigins } from './response-urls.js';
import type { SlackSurface } from './context.js';
import { SLACK_RETRY, slackFetch, slackUnavailable } from './http.js';
import { registerActions } from './listeners/actions.js';
import { registerCommand } from './listeners/command.js';
import { registerHome } from './listeners/home.js';
import { registerMessages } from './listeners/messages.js';
import { registerRegistration } from './listeners/registration.js';
import { slackPoster } from './notify.js';
import { SlackProfiles } from './profiles.js';
import { slackErrorCode } from './send.js';

/** How long a Slack event id is remembered: Slack retries three times within about an hour. */
const EVENT_RETRY_S = 2 * 60 * 60;

export { SLACK_EVENTS_PATH } from './endpoint.js';

export interface SlackSetup {
  app: App;
  mode: 'http' | 'socket';
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The Web API client's line for each failed try: the outcome is logged once, by whoever made the call. */
const EACH_TRY = /^http request failed/;

/**
 * Bolt's and the Web API client's logger over pino. Their debug and info lines carry whole request and response
 * bodies (emails, names, reply texts, private links): those never reach the log, whatever LOG_LEVEL says.
 */
function boltLogger(): Logger {
  const child = log.child({ surface: 'slack' });
  let level = LogLevel.WARN;
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...m) => (EACH_TRY.test(String(m[0])) ? undefined : child.warn(m.join(' '))),
    error: (...m) => child.error(m.map(String).join(' ')),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * A signed request whose body Bolt cannot read as a Slack payload (no user, no event…) fails before any listener:
 * answer 400 (Slack does not retry a 4xx) instead of Bolt's 500. Failures after an ack are only logged.
 */
const refuseMalformed: NonNullable<ConstructorParameters<typeof ExpressReceiver>[0]['processEventErrorHandler']> = async ({ error, response }) => {
  if (response.headersSent) {
    log.error({ err: error.message }, 'Slack listener failed after its ack');
    return false;
  }
  log.warn({ err: error.message }, 'malformed Slack payload refused');
  response.writeHead(400);
  response.end();
  return true;
};

/** The Slack app, for settings that slackMode found complete. */
export function createSlack(config: Config, dispatcher: Dispatcher, server: Application): SlackSetup {
  const token = config.SLACK_BOT_TOKEN!;
  const signingSecret = config.SLACK_SIGNING_SECRET;
  const logger = boltLogger();
  const slackUp = new Availability('Slack');
  // One fetch for the Web API client and for Bolt's respond(): both give up in time and feed slackUp.
  const clientOptions = { retryConfig: SLACK_RETRY, fetch: slackFetch(slackUp), ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}) };
  // The client for our own calls (scheduled posts, profiles, who we are); Bolt hands listeners one with this token.
  const client = new WebClient(token, { ...clientOptions, logger });
  const identity = new BotIdentity(client);
  // Our own authorize instead of Bolt's: Bolt's asks Slack at start-up and cannot start while Slack is away.
  // Until Slack has said who the bot is, events pass without the ids; the message listener skips bots' own posts.
  const authorize = async () => ({ botToken: token, ...identity.current() });
  const socket = config.SLACK_APP_TOKEN !== undefined;
  if (!socket) registerSlackEndpoint(server, signingSecret!, dispatcher.core.store, responseOrigins(config.SLACK_API_URL)); // before Bolt's receiver: it must see the request first
  const app = socket
    ? new App({ authorize, appToken: config.SLACK_APP_TOKEN!, socketMode: true, logger, clientOptions, deferInitialization: true, convoStore: false })
    : new App({
        authorize,
        convoStore: false, // Bolt's conversation store is unused here and costs time on every request
        logger,
        clientOptions,
        deferInitialization: true,
        // The signature was checked once already, by our endpoint in front (it refuses anything else): not twice.
        // Each request's arrival, stamped by our endpoint, reaches the listeners' context: their ack deadline starts there.
        receiver: new ExpressReceiver({ signingSecret: signingSecret!, signatureVerification: false, endpoints: SLACK_EVENTS_PATH, app: server, logger, processBeforeResponse: false, processEventErrorHandler: refuseMalformed, customPropertiesExtractor: receiptOf }),
      });

  const surface: SlackSurface = { dispatcher, profiles: new SlackProfiles(client, slackUp), ackBudgetMs: config.SLACK_ACK_BUDGET_MS };
  // A retried event (X-Slack-Retry-Num) carries the event_id of the first delivery: answer it once, on whichever
  // instance it lands. Slack retries within about an hour.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await dispatcher.core.store.firstSeen('slack-event', eventId, EVENT_RETRY_S))) return;
    await next();
  });
  registerCommand(app, surface);
  registerMessages(app, surface);
  registerHome(app, surface);
  registerActions(app, surface);
  registerRegistration(app, surface);
  dispatcher.core.notifier.register('slack', slackPoster(client, slackUp));
  app.error(async (error) => {
    const original = (error as { original?: unknown }).original ?? error;
    // Slack away: the person's answer is lost (they ask again), one line and nothing of theirs in it.
    const unavailable = slackUnavailable(error);
    if (unavailable) return void log.warn({ surface: 'slack', reason: unavailable }, 'Slack reply not delivered: Slack is unavailable');
    log.error({ code: slackErrorCode(original) ?? (original as { code?: string }).code, err: (original as Error).message }, 'Slack listener failed');
  });

  return {
    app,
    mode: socket ? 'socket' : 'http',
    async start() {
      await identity.start();
      await app.init();
      if (socket) await app.start();
      log.info({ mode: socket ? 'socket' : 'http' }, 'Slack is on');
    },
    async stop() {
      identity.stop();
      if (socket) await app.stop();
    },
  };
}
