// Whether the settings turn Teams on, and how, decided without loading botbuilder (a Slack-only bot never loads it).
// botbuilder with an empty app id accepts anyone: that mode must be asked for by name, and never in production.
import { ConfigError, isProduction, type Config } from '../../core/config.js';
import { log } from '../../core/log.js';
import { settingsMessage, teamsSettingsProblems } from './settings.js';

export type TeamsMode = 'authenticated' | 'unauthenticated';

export function teamsMode(config: Config): TeamsMode | undefined {
  const allowOpen = config.TEAMS_ALLOW_UNAUTHENTICATED === '1';
  const problems = teamsSettingsProblems(config);
  if (problems.length > 0) throw new ConfigError(settingsMessage(problems));
  if (config.MicrosoftAppId) {
    if (allowOpen) log.warn('TEAMS_ALLOW_UNAUTHENTICATED is ignored: MicrosoftAppId is set, so every Teams request must carry a valid token');
    return 'authenticated';
  }
  if (allowOpen && isProduction(config)) {
    throw new ConfigError('environment: TEAMS_ALLOW_UNAUTHENTICATED=1 is refused with NODE_ENV=production: set MicrosoftAppId and MicrosoftAppPassword, or remove TEAMS_ALLOW_UNAUTHENTICATED');
  }
  if (!allowOpen) {
    log.info('Teams is off: set MicrosoftAppId and MicrosoftAppPassword to turn it on (or TEAMS_ALLOW_UNAUTHENTICATED=1 for the Bot Framework Emulator on this machine)');
    return undefined;
  }
  log.warn('Teams runs WITHOUT authentication (TEAMS_ALLOW_UNAUTHENTICATED=1): it answers only Bot Framework Emulator traffic on this machine');
  return 'unauthenticated';
}
