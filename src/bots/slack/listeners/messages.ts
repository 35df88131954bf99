// @CKEx in a channel (answered in a thread, times as date tokens) and direct messages (the same commands).
import type { App } from '@slack/bolt';
import { answer, type SlackSurface } from '../context.js';
import { withoutMentions } from '../inbound.js';
import { postMessages, postOrExplain } from '../send.js';

export function registerMessages(app: App, surface: SlackSurface): void {
  app.event('app_mention', async ({ event, client, body }) => {
    if (!event.user) return;
    const { reply, messages } = await answer(surface, { team: body.team_id, user: event.user }, withoutMentions(event.text), { shared: true, channel: { platform: 'slack', id: event.channel } });
    const explanation = surface.dispatcher.core.i18n.t(reply.lang)('errors.slackCannotPost');
    await postOrExplain(client, { channel: event.channel, user: event.user, threadTs: event.thread_ts ?? event.ts }, messages, explanation);
  });

  app.message(async ({ message, client, body }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !message.user) return;
    const { messages } = await answer(surface, { team: body.team_id, user: message.user }, withoutMentions(message.text ?? ''), { conversational: true, channel: { platform: 'slack', id: message.channel } });
    await postMessages(client, message.channel, messages);
  });
}
