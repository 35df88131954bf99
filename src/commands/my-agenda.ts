// my agenda: what I starred, my reminders and my private calendar feed (/ics/u/<token>.ics).
import type { Reply } from '../core/reply.js';
import { none } from './args.js';
import { defineCommand } from './types.js';
import { myAgendaReply } from '../views/my-agenda.js';

export const myAgenda = defineCommand({
  name: 'myagenda',
  personal: true,
  aliases: { en: ['my agenda', 'myagenda', 'starred', 'my sessions'], fr: ['mon agenda', 'mon programme', 'favoris', 'mes séances'], ar: ['جدولي', 'برنامجي', 'جلساتي'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => {
    // What I starred and my private calendar address are mine: in a channel, only a pointer to where to ask.
    // The caller's stars were read with the message (ctx.starred): not read again.
    const starred = [...(ctx.starred ?? [])];
    // The feed address is made when first shown, and only where the server has a public address to give.
    const feedUrl = ctx.core.publicUrl && starred.length > 0 ? `${ctx.core.publicUrl}/ics/u/${await ctx.core.store.feedToken(ctx.caller.id)}.ics` : undefined;
    return myAgendaReply(ctx, starred, feedUrl);
  },
});
