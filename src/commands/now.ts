// now / next: what is running at this moment and what starts next.
import type { Block, Reply } from '../core/reply.js';
import { none } from './args.js';
import { defineCommand } from './types.js';
import { agendaNotes } from '../views/notes.js';
import { sessionButton, sessionLine, starButton } from '../views/session-lines.js';
import { dayName, localDate } from '../views/times.js';

export const now = defineCommand({
  name: 'now',
  aliases: { en: ['now', 'next'], fr: ['maintenant', 'suivant', 'prochain', 'prochaine'], ar: ['الآن', 'الان', 'التالي', 'التالية'] },
  args: () => none,
  run: (ctx): Reply => {
    const { running, next } = ctx.core.agenda.nowAndNext(ctx.now);
    const blocks: Block[] = [{ type: 'header', text: ctx.t('now.header') }];
    if (running.length === 0) blocks.push({ type: 'text', text: [ctx.t('now.nothingRunning')] });
    else blocks.push({ type: 'text', text: [ctx.t('now.running', { count: running.length })] }, ...running.map((t) => ({ type: 'text' as const, text: sessionLine(ctx, t), accessory: starButton(ctx, t) })));
    if (next) {
      const relative = next.start.setLocale(ctx.lang).toRelative({ base: ctx.now }) ?? '';
      blocks.push(
        { type: 'text', text: [ctx.t('now.next', { day: dayName(ctx, localDate(ctx, next)), relative })] },
        { type: 'text', text: sessionLine(ctx, next), accessory: starButton(ctx, next) },
        ...agendaNotes(ctx, next.start),
        { type: 'actions', buttons: [sessionButton(ctx, next)] },
      );
    } else {
      blocks.push({ type: 'text', text: [ctx.t('now.over', { last: dayName(ctx, ctx.core.agenda.lastDayIn(ctx.zone)) })] }, ...agendaNotes(ctx, undefined));
    }
    return { lang: ctx.lang, blocks };
  },
});
