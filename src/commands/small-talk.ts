// Hello, thank you and goodbye: a short, useful answer with the first things people ask for.
import type { Reply } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';

export type SmallTalk = 'greeting' | 'thanks' | 'goodbye';

export function smallTalkReply(ctx: CommandContext, kind: SmallTalk): Reply {
  const text = ctx.t(`smallTalk.${kind}`, { event: ctx.core.content.event.shortName });
  const blocks: Reply['blocks'] = [{ type: 'text', text: [text] }];
  if (kind === 'greeting') blocks.push({ type: 'context', text: [ctx.t('smallTalk.examples')] });
  if (kind !== 'goodbye') {
    blocks.push({
      type: 'actions',
      buttons: [
        { label: ctx.t('buttons.today'), command: 'today' },
        { label: ctx.t('buttons.thisWeek'), command: 'week' },
        { label: ctx.t('buttons.resources'), command: 'resources' },
        { label: ctx.t('buttons.register'), command: 'register' },
      ],
    });
  }
  return { lang: ctx.lang, blocks };
}
