// lang [ar|fr|en]: the caller's saved language; without an argument, the current one and buttons to switch.
import { LANGS, type Lang } from '../core/lang.js';
import type { Reply } from '../core/reply.js';
import { optionalLang } from './args.js';
import { defineCommand } from './types.js';

export const lang = defineCommand({
  name: 'lang',
  aliases: { en: ['lang', 'language'], fr: ['langue'], ar: ['لغة', 'اللغة'] },
  args: () => optionalLang,
  run: async (ctx, chosen: Lang | undefined): Promise<Reply> => {
    if (chosen) {
      await ctx.core.store.updateUser(ctx.caller.id, { lang: chosen });
      const t = ctx.core.i18n.t(chosen);
      return { lang: chosen, blocks: [{ type: 'text', text: [t('lang.saved', { language: t(`languages.${chosen}`) })] }] };
    }
    return {
      lang: ctx.lang,
      blocks: [
        { type: 'text', text: [ctx.t('lang.current', { language: ctx.t(`languages.${ctx.lang}`) })] },
        { type: 'actions', buttons: LANGS.map((l) => ({ label: ctx.core.i18n.t(l)(`languages.${l}`), command: `lang ${l}` })) },
      ],
    };
  },
});
