// What Slack sends, as the core's terms: who is asking, what they typed, what a button carries.
import type { Lang } from '../../core/lang.js';
import { LANGS } from '../../core/lang.js';
import type { Caller } from '../../core/context.js';
import type { SlackProfile } from './profiles.js';

export function slackCaller(teamId: string | undefined, userId: string, profile: SlackProfile): Caller {
  return {
    id: `slack:${teamId ?? '-'}:${userId}`,
    adminIds: [userId],
    ...(profile.locale ? { platformLocale: profile.locale } : {}),
    ...(profile.tz ? { tz: profile.tz } : {}),
    verifiedEmail: async () => profile.email,
  };
}

/** "<@U0BOT> today" → "today". */
/** Longest text read from a Slack message: Slack's own limit is 40,000; the dispatcher reads 2,000 of it. */
const MAX_TEXT = 4_000;

/** Mentions removed after the text is cut, with a pattern that cannot run past the next "<" (linear by construction). */
export const withoutMentions = (text: string): string => text.slice(0, MAX_TEXT).replace(/<@[A-Z0-9]+(\|[^<>]*)?>/g, ' ').trim();

/** A button's value: the command it runs and the language of the message it was on. */
export interface ButtonValue {
  command: string;
  lang?: Lang;
}

export function encodeButton(value: ButtonValue): string {
  return JSON.stringify({ c: value.command, ...(value.lang ? { l: value.lang } : {}) });
}

export function decodeButton(raw: string | undefined): ButtonValue {
  try {
    const parsed = JSON.parse(raw ?? '') as { c?: unknown; l?: unknown };
    if (typeof parsed.c === 'string') return { command: parsed.c, ...(LANGS.includes(parsed.l as Lang) ? { lang: parsed.l as Lang } : {}) };
  } catch {
    /* a plain command */
  }
  return { command: raw ?? 'help' };
}
