// Buttons: commands update the message in place where only the presser sees it; share posts to the channel;
// on the App Home tab a language change republishes the tab and other commands answer in the app's DM.
// Buttons are acknowledged at once (their ack carries nothing); one that reached its listener late sheds users.info.
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { AckDeadline } from '../ack-budget.js';
import { afterAck } from '../after-ack.js';
import { answer, type SlackSurface } from '../context.js';
import { decodeButton } from '../inbound.js';
import { PROFILE_TIMEOUT_MS } from '../profiles.js';
import { postMessages, respondMessages } from '../send.js';
import { publishHome } from './home.js';
import { openRegistrationModal } from './registration.js';

export function registerActions(app: App, surface: SlackSurface): void {
  app.action(/^ckex_url_\d+$/, async ({ ack }) => {
    await ack(); // link buttons open in the browser; Slack still tells us
  });

  app.action<BlockAction<ButtonAction>>('ckex_share', async ({ ack, body, action, respond, context }) => {
    const profile = new AckDeadline(surface.ackBudgetMs, context).profileWait(PROFILE_TIMEOUT_MS);
    await ack();
    await afterAck();
    const { command, lang } = decodeButton(action.value);
    const { messages } = await answer(surface, { team: body.team?.id, user: body.user.id }, command, { shared: true, profile, ...(lang ? { lang } : {}) });
    await respondMessages(respond, messages, 'in_channel');
  });

  app.action<BlockAction<ButtonAction>>(/^ckex_cmd_\d+$/, async ({ ack, body, action, respond, client, context }) => {
    const profile = new AckDeadline(surface.ackBudgetMs, context).profileWait(PROFILE_TIMEOUT_MS);
    await ack();
    await afterAck();
    const { command, lang } = decodeButton(action.value);
    const who = { team: body.team?.id, user: body.user.id };
    const inDm = body.channel?.id.startsWith('D') === true;
    if (surface.dispatcher.wantsForm(command, inDm)) {
      await openRegistrationModal(surface, client, body.trigger_id, who, command, lang);
      return;
    }
    if (body.view?.type === 'home') {
      const { messages } = await answer(surface, who, command, { profile, ...(lang ? { lang } : {}) });
      // A language or a star changes the tab itself: it is published again; other answers come in the app's DM.
      if (/^lang\b/.test(command)) await publishHome(surface, client, who.team, who.user);
      else if (/^(un)?star\b/.test(command)) await publishHome(surface, client, who.team, who.user);
      else await postMessages(client, who.user, messages);
      return;
    }
    // Replace only what this user alone sees; a message in a channel stays, and the answer comes privately.
    const container = body.container as { is_ephemeral?: boolean } | undefined;
    const own = container?.is_ephemeral === true || inDm;
    const channel = body.channel?.id ? { channel: { platform: 'slack' as const, id: body.channel.id } } : {};
    const { reply, messages } = await answer(surface, who, command, { share: own, conversational: inDm, profile, ...channel, ...(lang ? { lang } : {}) });
    // A decision replaces the organisers' notice for everyone in the channel; other answers come privately.
    await respondMessages(respond, messages, own ? 'replace' : reply.replacesSource ? 'replace-for-all' : 'ephemeral');
  });
}
