// /ckex <command>: answered privately with a share button, in the ack itself when the answer is ready within the
// budget from receipt and fits one message; otherwise acknowledged empty at the budget and answered through
// response_url. A request that reached its listener late sheds users.info so that its ack still makes the window.
import type { App } from '@slack/bolt';
import { within } from '../../../core/within.js';
import { AckDeadline } from '../ack-budget.js';
import { answer, type SlackSurface } from '../context.js';
import { PROFILE_TIMEOUT_MS } from '../profiles.js';
import { respondMessages } from '../send.js';
import { openRegistrationModal } from './registration.js';

export function registerCommand(app: App, surface: SlackSurface): void {
  app.command('/ckex', async ({ command, ack, respond, client, context }) => {
    const deadline = new AckDeadline(surface.ackBudgetMs, context);
    const who = { team: command.team_id, user: command.user_id };
    if (surface.dispatcher.wantsForm(command.text ?? '', false)) {
      await ack(); // the modal's trigger_id dies 3 s after Slack sent it: open it first
      await openRegistrationModal(surface, client, command.trigger_id, who, command.text ?? 'register');
      return;
    }
    const channel = { platform: 'slack' as const, id: command.channel_id, ...(command.channel_name ? { name: `#${command.channel_name}` } : {}) };
    const work = answer(surface, who, command.text ?? '', { share: true, channel, profile: deadline.profileWait(PROFILE_TIMEOUT_MS) });
    const ready = await within(work, deadline.remaining());
    if (ready?.reply.form) {
      // A question that means "register" ("how do I register?"): the modal, while the trigger_id still lives.
      await ack();
      await openRegistrationModal(surface, client, command.trigger_id, who, 'register form', ready.reply.lang);
      return;
    }
    const only = ready?.messages.length === 1 ? ready.messages[0] : undefined;
    if (only) {
      await ack({ response_type: 'ephemeral', text: only.text, blocks: only.blocks });
      return;
    }
    await ack();
    const { messages } = await work; // a late form comes as its blocks, which say how to register
    await respondMessages(respond, messages, 'ephemeral');
  });
}
