// not registered (non inscrits, غير المسجلين): organisers see the invited or accepted emails that no registration
// holds yet, by region.
import { none } from '../args.js';
import type { CommandContext } from '../../core/context.js';
import type { Reply } from '../../core/reply.js';
import { notRegisteredReply } from '../../views/not-registered/index.js';
import { defineCommand } from '../types.js';

/** "remind not registered" in the reader's words. */
export const remindWords = (ctx: CommandContext): string => ctx.t('followUp.remindWords');

export const notRegistered = defineCommand({
  name: 'notRegistered',
  personal: true,
  admin: true,
  aliases: { en: ['not registered', 'unregistered'], fr: ['non inscrits'], ar: ['غير المسجلين'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => notRegisteredReply(ctx, await ctx.core.store.invitedUnregistered(), remindWords(ctx)),
});
