// The Teams bot: botbuilder's CloudAdapter at POST /api/messages on our express server.
// With no MicrosoftAppId the endpoint accepts unauthenticated traffic (Bot Framework Emulator, local tests)
// and answers the activity's serviceUrl; that mode is refused in production.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import type { Dispatcher } from '../../commands/dispatch.js';
import type { Config } from '../../core/config.js';
import { log } from '../../core/log.js';
import { RecentIds } from '../../core/recent-ids.js';
import { activityProblem } from './activity-schema.js';
import { CkexTeamsBot } from './bot.js';
import type { TeamsSurface } from './context.js';
import { teamsSender } from './notify.js';
import { TeamsProactive } from './proactive.js';
import { statusOf } from './send.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsSetup {
  mode: 'authenticated' | 'unauthenticated';
  adapter: CloudAdapter;
  proactive: TeamsProactive;
}

/** The Teams bot, for settings that teamsMode turned on (without an app id: unauthenticated). */
export function createTeams(config: Config, dispatcher: Dispatcher, server: Application): TeamsSetup {
  const appId = config.MicrosoftAppId;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? 'MultiTenant',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error.message, status: statusOf(error), activity: context.activity.type }, 'Teams turn failed');
    if (context.activity.type === 'message') {
      const t = dispatcher.core.i18n.t('en');
      await context.sendActivity(t('errors.internal')).catch(() => undefined);
    }
  };
  const surface: TeamsSurface = { dispatcher, store: dispatcher.core.store, recentActivities: new RecentIds() };
  const bot = new CkexTeamsBot(surface);
  server.post(TEAMS_MESSAGES_PATH, express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      res.status(400).json({ error: `expected a Bot Framework activity (${problem})` });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });
  // A body that is not JSON: answer 400 here instead of express's default HTML error page.
  server.use(TEAMS_MESSAGES_PATH, (err: Error, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    res.status(400).json({ error: 'invalid JSON' });
  });
  const proactive = new TeamsProactive(adapter, appId ?? '', surface.store);
  dispatcher.core.notifier.register('teams', teamsSender(proactive, surface.store));
  log.info({ mode: appId ? 'authenticated' : 'unauthenticated' }, 'Teams is on');
  return { mode: appId ? 'authenticated' : 'unauthenticated', adapter, proactive };
}
