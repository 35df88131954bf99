// A focal point's own nominations and what became of each: waiting, accepted (invited, or registered), declined.
// Nothing of anyone else's: only whether their own nominee has registered.
import type { CommandContext } from '../../core/context.js';
import type { Nomination } from '../../core/nominations/index.js';
import type { Reply } from '../../core/reply.js';
import { dayName } from '../times.js';
import { nomineeName, regionName } from './labels.js';

/** What became of one nomination, as its focal point may know it. */
export type Outcome = 'pending' | 'accepted' | 'registered' | 'declined';

export function myNominationsReply(ctx: CommandContext, mine: readonly { nomination: Nomination; outcome: Outcome }[], usage: string): Reply {
  if (mine.length === 0) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('nominations.mineNone', { usage })] }] };
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('nominations.mineHeader', { count: mine.length }) },
      ...mine.map(({ nomination: n, outcome }) => ({
        type: 'section' as const,
        title: nomineeName(n),
        text: [`${ctx.t(`nominations.outcomes.${outcome}`)} · ${regionName(ctx, n.region)}`],
        meta: ctx.t('nominations.since', { day: dayName(ctx, n.createdAt.slice(0, 10)) }),
      })),
    ],
  };
}
