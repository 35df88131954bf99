// What Teams sends, as the core's terms: who is asking, in which conversation, what they typed or pressed.
import { TurnContext, type Activity } from 'botbuilder';
import { z } from 'zod';
import { LANGS } from '../../core/lang.js';
import type { Caller } from '../../core/context.js';
import type { StoredConversation } from '../../core/store/records.js';

export function teamsCaller(activity: Activity, verifiedEmail?: () => Promise<string | undefined>): Caller {
  const from = activity.from ?? { id: 'unknown' };
  return {
    id: `teams:${from.id}`,
    adminIds: [from.id, ...(from.aadObjectId ? [from.aadObjectId] : [])],
    ...(activity.locale ? { platformLocale: activity.locale } : {}),
    ...(activity.localTimezone ? { tz: activity.localTimezone } : {}),
    ...(verifiedEmail ? { verifiedEmail } : {}),
  };
}

export function scopeOf(activity: Activity): StoredConversation['scope'] {
  const type = activity.conversation?.conversationType;
  return type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
}

/** A channel or group chat is read by many: times are shown in each reader's zone. */
export const isShared = (activity: Activity): boolean => scopeOf(activity) !== 'personal';

/** The message text with the bot's @mention and Teams' HTML removed. */
/** Longest text read from a Teams message (the dispatcher reads 2,000 of it; Teams allows about 28 KB). */
const MAX_TEXT = 4_000;

export function commandText(activity: Activity): string {
  // Cut first, then tags removed with patterns that cannot run past the next "<": linear however the text is made.
  const text = (TurnContext.removeRecipientMention(activity) ?? activity.text ?? '').slice(0, MAX_TEXT);
  return text
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

const cardDataSchema = z.object({ ckex: z.string().max(500), lang: z.enum(LANGS).optional() });
export type CardSubmit = z.infer<typeof cardDataSchema>;

/** The data a card button sent back (Action.Execute or Action.Submit), if it is ours and well formed. */
export function cardSubmit(value: unknown): CardSubmit | undefined {
  const parsed = cardDataSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

const formDataSchema = z.object({ ckexForm: z.enum(['registration', 'feedback']), ckexSubject: z.string().max(80).optional(), lang: z.enum(LANGS).optional() }).catchall(z.unknown());

/** A form card's inputs (Teams merges them into the action data), as text values, with which form and its subject. */
export function formSubmit(value: unknown): { form: 'registration' | 'feedback'; subject?: string; values: Record<string, string>; lang?: (typeof LANGS)[number] } | undefined {
  const parsed = formDataSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { ckexForm: form, ckexSubject: subject, lang, ...inputs } = parsed.data;
  const values = Object.fromEntries(Object.entries(inputs).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return { form, values, ...(subject ? { subject } : {}), ...(lang ? { lang } : {}) };
}
