// Whether the settings turn Teams on, and how, decided without loading botbuilder (a Slack-only bot never loads it).
import { ConfigError, type Config } from '../../core/config.js';
import { log } from '../../core/log.js';

export type TeamsMode = 'authenticated' | 'unauthenticated';

export function teamsMode(config: Config): TeamsMode | undefined {
  if (config.MicrosoftAppId) return 'authenticated';
  if (config.MicrosoftAppPassword || config.MicrosoftAppTenantId) {
    throw new ConfigError('environment: MicrosoftAppPassword or MicrosoftAppTenantId is set but MicrosoftAppId is not: set MicrosoftAppId (Azure Bot → Configuration) or remove them');
  }
  if (config.NODE_ENV === 'production') {
    log.info('Teams is off: set MicrosoftAppId and MicrosoftAppPassword to turn it on (unauthenticated mode is refused in production)');
    return undefined;
  }
  log.warn('Teams runs WITHOUT authentication (no MicrosoftAppId): for the Bot Framework Emulator and local tests only');
  return 'unauthenticated';
}
