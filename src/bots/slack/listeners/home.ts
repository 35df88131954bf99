// The App Home tab: published on every app_home_opened, and again after a language change.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { homeReply } from '../../../views/home.js';
import type { SlackSurface } from '../context.js';
import { slackCaller } from '../inbound.js';
import { renderHome } from '../render.js';

export async function publishHome(surface: SlackSurface, client: WebClient, team: string | undefined, user: string): Promise<void> {
  const caller = slackCaller(team, user, await surface.profiles.get(user));
  const view = renderHome(homeReply(await surface.dispatcher.context(caller, '')));
  await client.views.publish({ user_id: user, view });
}

export function registerHome(app: App, surface: SlackSurface): void {
  app.event('app_home_opened', async ({ event, client, body }) => {
    if (event.tab !== 'home') return;
    await publishHome(surface, client, body.team_id, event.user);
  });
}
