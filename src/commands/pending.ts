// The bot's last yes/no question to a user ("Are you sure?", "Carry on?"), remembered so that a typed "yes",
// « oui » or «نعم» answers it. It holds only for the very next message and for a few minutes.
import type { CommandContext } from '../core/context.js';
import type { UserPrefs } from '../core/store/records.js';

export const PENDING_MS = 10 * 60 * 1000;

export type Pending = NonNullable<UserPrefs['pending']>;

/** Remembers the question this reply asks: what a yes runs, and what a no runs (if anything). */
export async function askYesNo(ctx: CommandContext, yes: string, no?: string): Promise<void> {
  await ctx.core.store.updateUser(ctx.caller.id, { pending: { yes, ...(no ? { no } : {}), at: ctx.now.toUTC().toISO()! } });
}

/** The question waiting for this user's answer, if it is recent. */
export function pendingQuestion(ctx: CommandContext): Pending | undefined {
  const pending = ctx.prefs?.pending;
  if (!pending) return undefined;
  return ctx.now.toMillis() - Date.parse(pending.at) <= PENDING_MS ? pending : undefined;
}

/** Any message answers or drops the question: a "yes" an hour later must not erase anything. */
export async function forgetQuestion(ctx: CommandContext): Promise<void> {
  if (ctx.prefs?.pending) await ctx.core.store.updateUser(ctx.caller.id, { pending: undefined });
}
