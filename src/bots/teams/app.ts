// The Teams bot: botbuilder's CloudAdapter at POST /api/messages on our express server.
// Without an app id it runs only when TEAMS_ALLOW_UNAUTHENTICATED=1 asks for it (the Emulator, local tests).
import type { Application } from 'express';
import type { Dispatcher } from '../../commands/dispatch.js';
import type { Config } from '../../core/config.js';
import { log } from '../../core/log.js';
import { Availabilities } from '../availability.js';
import { CkexAdapter } from './adapter.js';
import { CkexTeamsBot } from './bot.js';
import { registerTeamsEndpoint } from './endpoint.js';
import type { TeamsMode } from './mode.js';
import type { TeamsSurface } from './context.js';
import { connectorUnavailable, TimedAuthentication } from './connector-http.js';
import { teamsPoster } from './notify.js';
import { claimsCheck } from './tenant-claims.js';
import { TeamsProactive } from './proactive.js';
import { statusOf } from './send.js';

export { TEAMS_MESSAGES_PATH } from './endpoint.js';

export interface TeamsSetup {
  mode: TeamsMode;
  adapter: CkexAdapter;
  proactive: TeamsProactive;
}

/** The Teams bot, for settings that teamsMode turned on (unauthenticated only when explicitly allowed). */
export function createTeams(config: Config, dispatcher: Dispatcher, server: Application, mode: TeamsMode): TeamsSetup {
  const appId = mode === 'authenticated' ? config.MicrosoftAppId! : '';
  const connectors = new Availabilities('Teams');
  const singleTenant = mode === 'authenticated' && (config.MicrosoftAppType === 'SingleTenant' || config.MicrosoftAppType === 'UserAssignedMSI');
  const auth = new TimedAuthentication(
    {
      MicrosoftAppId: appId,
      MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
      MicrosoftAppType: config.MicrosoftAppType ?? 'MultiTenant',
      MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      // Where the keys that sign incoming tokens are published: botbuilder's defaults unless set (tests, private clouds).
      ...(config.ToBotFromChannelOpenIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: config.ToBotFromChannelOpenIdMetadataUrl } : {}),
      ...(config.ToBotFromEmulatorOpenIdMetadataUrl ? { ToBotFromEmulatorOpenIdMetadataUrl: config.ToBotFromEmulatorOpenIdMetadataUrl } : {}),
    },
    connectors,
    undefined,
    { requiredEndorsements: [], validateClaims: claimsCheck(singleTenant ? config.MicrosoftAppTenantId : undefined) },
  );
  const adapter = new CkexAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    // The connector away: the reply is lost (the person asks again) and an apology would be lost too. One line.
    const unavailable = connectorUnavailable(error);
    if (unavailable) return void log.warn({ surface: 'teams', reason: unavailable, activity: context.activity.type }, 'Teams reply not delivered: the Bot Connector is unavailable');
    log.error({ err: error.message?.split('\n')[0]?.slice(0, 200), status: statusOf(error), activity: context.activity.type }, 'Teams turn failed');
    if (context.activity.type === 'message') {
      const t = dispatcher.core.i18n.t('en');
      await context.sendActivity(t('errors.internal')).catch(() => undefined);
    }
  };
  const surface: TeamsSurface = { dispatcher, store: dispatcher.core.store };
  const bot = new CkexTeamsBot(surface);
  registerTeamsEndpoint(server, adapter, mode, (context) => bot.run(context));
  const proactive = new TeamsProactive(adapter, appId, surface.store, connectors);
  dispatcher.core.notifier.register('teams', teamsPoster(proactive, surface.store));
  log.info({ mode, ...(mode === 'authenticated' ? { appType: config.MicrosoftAppType ?? 'MultiTenant' } : {}) }, 'Teams is on');
  return { mode, adapter, proactive };
}
