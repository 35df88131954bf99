// /ckex <command>: acknowledged at once, answered privately through response_url, with a share button.
import type { App } from '@slack/bolt';
import { afterAck } from '../after-ack.js';
import { answer, wantsForm, type SlackSurface } from '../context.js';
import { respondMessages } from '../send.js';
import { openRegistrationModal } from './registration.js';

export function registerCommand(app: App, surface: SlackSurface): void {
  app.command('/ckex', async ({ command, ack, respond, client }) => {
    await ack();
    await afterAck();
    const who = { team: command.team_id, user: command.user_id };
    if (wantsForm(surface, command.text ?? '', false)) {
      await openRegistrationModal(surface, client, command.trigger_id, who, command.text ?? 'register');
      return;
    }
    const { messages } = await answer(surface, who, command.text ?? '', { share: true, channel: { platform: 'slack', id: command.channel_id } });
    await respondMessages(respond, messages, 'ephemeral');
  });
}
