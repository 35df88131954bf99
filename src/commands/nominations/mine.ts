// my nominations: what a focal point nominated and what became of each; nobody else's.
import { none } from '../args.js';
import type { Reply } from '../../core/reply.js';
import { myNominationsReply, type Outcome } from '../../views/nominations/index.js';
import type { Nomination } from '../../core/nominations/index.js';
import type { CommandContext } from '../../core/context.js';
import { defineCommand } from '../types.js';
import { focalRegion, nominate, usageOf } from './nominate.js';

async function outcome(ctx: CommandContext, n: Nomination): Promise<Outcome> {
  if (n.status !== 'accepted') return n.status;
  const r = await ctx.core.store.registrationByEmail(n.email);
  return r?.status === 'confirmed' ? 'registered' : 'accepted';
}

export const myNominations = defineCommand({
  name: 'myNominations',
  personal: true,
  shownTo: (ctx) => focalRegion(ctx) !== undefined,
  aliases: { en: ['my nominations', 'nominated'], fr: ['mes propositions'], ar: ['ترشيحاتي'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => {
    if (!focalRegion(ctx)) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('nominations.notFocalPoint')] }] };
    const mine = await ctx.core.store.nominationsBy(ctx.caller.id);
    return myNominationsReply(ctx, await Promise.all(mine.map(async (n) => ({ nomination: n, outcome: await outcome(ctx, n) }))), usageOf(ctx, nominate));
  },
});
