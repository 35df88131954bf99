// What the Slack listeners share: the core's dispatcher, profiles, retry memory, and the render options.
import type { Dispatcher } from '../../commands/dispatch.js';
import type { HandleOptions } from '../../core/context.js';
import type { Reply } from '../../core/reply.js';
import { withFileLinks } from '../../core/deliver-files.js';
import { normalizeWord } from '../../core/i18n/normalize.js';
import { slackCaller } from './inbound.js';
import type { SlackProfiles } from './profiles.js';
import { renderMessages, type SlackMessage } from './render.js';

export interface SlackSurface {
  dispatcher: Dispatcher;
  profiles: SlackProfiles;
}

export interface Answered {
  reply: Reply;
  messages: SlackMessage[];
}

const FORM_WORDS = new Set(['form', 'card', 'modal', 'formulaire', 'استمارة', 'نموذج'].map(normalizeWord));

/** Whether a command will answer with the one-screen form here, so a modal can be opened before the trigger expires. */
export function wantsForm(surface: SlackSurface, text: string, conversational: boolean): boolean {
  const [first = '', second = ''] = text.trim().split(/\s+/);
  if (surface.dispatcher.registry.find(first)?.spec.name !== 'register') return false;
  return !conversational || FORM_WORDS.has(normalizeWord(second));
}

/** Runs a command for a Slack user and renders the reply: private replies in the user's zone, shared ones with date tokens. */

export async function answer(surface: SlackSurface, who: { team?: string; user: string }, text: string, options: HandleOptions & { share?: boolean } = {}): Promise<Answered> {
  const profile = await surface.profiles.get(who.user);
  const caller = slackCaller(who.team, who.user, profile);
  const reply = await withFileLinks(surface.dispatcher.core, await surface.dispatcher.handle(caller, text, options), caller.id);
  const t = surface.dispatcher.core.i18n.t(reply.lang);
  const messages = renderMessages(reply, {
    dateTokens: options.shared ?? false,
    ...(options.share ? { shareCommand: text.trim() || 'help', shareLabel: t('buttons.share') } : {}),
  });
  return { reply, messages };
}
