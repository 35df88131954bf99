// Who the bot is in Slack (auth.test: its user id and bot id), asked once and remembered. Bolt would ask at start-up
// and stop the process when Slack does not answer; here an instance started while Slack is away serves at once
// (commands are answered in their ack) and keeps asking in the background until Slack answers.
import type { WebClient } from '@slack/web-api';
import { log } from '../../core/log.js';
import { within } from '../../core/within.js';
import { slackUnavailable } from './http.js';

export interface SlackIdentity {
  botUserId: string;
  botId: string;
}

/** How long start-up waits for Slack to say who the bot is before serving without knowing. */
const START_WAIT_MS = 3_000;

/** Waits between tries while Slack is away at start-up: 2 s, doubling, at most 30 s. */
const FIRST_WAIT_MS = 2_000;
const LONGEST_WAIT_MS = 30_000;

export class BotIdentity {
  private known: SlackIdentity | undefined;
  private asking: Promise<SlackIdentity | undefined> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: WebClient) {}

  /** What is known now; while unknown, a question goes out in the background and nobody waits for it. */
  current(): SlackIdentity | undefined {
    if (!this.known) void this.ask().catch(() => undefined);
    return this.known;
  }

  /**
   * The first question, at start-up. A token Slack refuses (invalid_auth, account_inactive…) is a bad setting and
   * rejects; Slack unavailable, or not answering within START_WAIT_MS, is logged and asked again with backoff while
   * the server serves.
   */
  async start(): Promise<void> {
    const asking = this.ask();
    let reason: string | undefined;
    try {
      if (await within(asking, START_WAIT_MS)) return;
      reason = 'timeout';
      asking.catch(() => undefined); // the retries below take over
    } catch (err) {
      reason = slackUnavailable(err);
      if (!reason) throw err;
    }
    log.warn({ surface: 'slack', reason }, 'Slack is unavailable at start-up: serving, and asking again in the background');
    this.retry(FIRST_WAIT_MS);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private retry(waitMs: number): void {
    this.timer = setTimeout(() => {
      this.ask().then(
        () => log.info({ surface: 'slack' }, 'Slack answered: the bot knows who it is'),
        (err: unknown) => {
          // A token refused later (not Slack away) is a setting to fix: said, and still asked again slowly.
          if (!slackUnavailable(err)) log.error({ surface: 'slack', code: (err as { data?: { error?: string } }).data?.error }, 'Slack refused the bot token: check SLACK_BOT_TOKEN');
          this.retry(Math.min(waitMs * 2, LONGEST_WAIT_MS));
        },
      );
    }, waitMs);
    this.timer.unref();
  }

  private ask(): Promise<SlackIdentity | undefined> {
    if (this.known) return Promise.resolve(this.known);
    this.asking ??= this.client.auth
      .test()
      .then((r) => {
        if (r.user_id && r.bot_id) this.known = { botUserId: r.user_id, botId: r.bot_id };
        return this.known;
      })
      .finally(() => (this.asking = undefined));
    return this.asking;
  }
}
