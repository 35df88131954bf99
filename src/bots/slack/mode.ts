// Whether the settings turn Slack on, and how, decided without loading Bolt (a Teams-only bot never loads it).
import type { Config } from '../../core/config.js';
import { log } from '../../core/log.js';

export type SlackMode = 'http' | 'socket';

export function slackMode(config: Config): SlackMode | undefined {
  if (!config.SLACK_BOT_TOKEN || (!config.SLACK_SIGNING_SECRET && !config.SLACK_APP_TOKEN)) {
    log.info('Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode) to turn it on');
    return undefined;
  }
  return config.SLACK_APP_TOKEN ? 'socket' : 'http';
}
