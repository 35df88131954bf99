// What the Slack listeners share: the core's dispatcher, profiles, retry memory, and the render options.
import type { Dispatcher } from '../../commands/dispatch.js';
import type { HandleOptions } from '../../core/context.js';
import type { Reply } from '../../core/reply.js';
import { renderOnce } from '../render-memo.js';
import type { ProfileWait } from './ack-budget.js';
import { slackCaller } from './inbound.js';
import type { SlackProfiles } from './profiles.js';
import { renderMessages, type SlackMessage } from './render.js';

export interface SlackSurface {
  dispatcher: Dispatcher;
  profiles: SlackProfiles;
  /** Milliseconds from receipt within which a request is acknowledged (SLACK_ACK_BUDGET_MS). */
  ackBudgetMs: number;
}

export interface Answered {
  reply: Reply;
  messages: SlackMessage[];
}

/** Runs a command for a Slack user and renders the reply: private replies in the user's zone, shared ones with date tokens. */
export async function answer(surface: SlackSurface, who: { team?: string; user: string }, text: string, options: HandleOptions & { share?: boolean; profile?: ProfileWait } = {}): Promise<Answered> {
  const { profile: wait, ...handle } = options;
  const profile = await surface.profiles.get(who.user, wait);
  const caller = slackCaller(who.team, who.user, profile);
  const { reply, t } = await surface.dispatcher.answer(caller, text, { ...handle, files: 'links' });
  const opts = {
    dateTokens: options.shared ?? false,
    ...(options.share ? { shareCommand: text.trim() || 'help', shareLabel: t('buttons.share') } : {}),
  };
  const messages = renderOnce(reply, `slack|${opts.dateTokens ? 1 : 0}|${opts.shareCommand ?? ''}|${opts.shareLabel ?? ''}`, () => renderMessages(reply, opts));
  return { reply, messages };
}
