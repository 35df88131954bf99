// /ckex <command>: acknowledged at once, answered privately through response_url, with a share button.
import type { App } from '@slack/bolt';
import { answer, type SlackSurface } from '../context.js';
import { respondMessages } from '../send.js';

export function registerCommand(app: App, surface: SlackSurface): void {
  app.command('/ckex', async ({ command, ack, respond }) => {
    await ack();
    const { messages } = await answer(surface, { team: command.team_id, user: command.user_id }, command.text ?? '', { share: true });
    await respondMessages(respond, messages, 'ephemeral');
  });
}
