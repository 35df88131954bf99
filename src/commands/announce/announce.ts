// announce (annoncer, إعلان): an organiser writes an announcement, as a form in their direct conversation with the
// bot. Anywhere else (a channel, a slash command) it says where to write it.
import { none } from '../args.js';
import { saveFormOver } from '../../core/forms/form-version.js';
import type { Reply } from '../../core/reply.js';
import { newFormProgress } from '../form-engine.js';
import { defineCommand } from '../types.js';
import { announceForm } from './form.js';

export const announce = defineCommand({
  name: 'announce',
  personal: true,
  admin: true,
  aliases: { en: ['announce', 'announcement'], fr: ['annoncer', 'annonce'], ar: ['إعلان', 'اعلان'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => {
    if (!ctx.conversational) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('announce.directOnly', { command: ctx.t('announce.word') })] }] };
    const progress = newFormProgress(announceForm, ctx);
    await saveFormOver(ctx, progress);
    return announceForm.question(ctx, progress, [{ type: 'text', text: [ctx.t('announce.intro')] }]);
  },
});
