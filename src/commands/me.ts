// me: my registration and status; me cancel (withdraw), me export (my data as JSON), me delete (erase it all).
import { setStatus } from '../core/forms/registration.js';
import type { Reply } from '../core/reply.js';
import { words } from './args.js';
import { normalizeWord } from '../core/i18n/normalize.js';
import { defineCommand, type CommandContext } from './types.js';
import { registrationBlocks } from './views/registration.js';

const ACTIONS: Record<string, 'cancel' | 'export' | 'delete' | 'delete-confirm'> = {
  cancel: 'cancel', withdraw: 'cancel', annuler: 'cancel', retirer: 'cancel', 'الغاء': 'cancel', انسحاب: 'cancel',
  export: 'export', exporter: 'export', تصدير: 'export',
  delete: 'delete', erase: 'delete', supprimer: 'delete', effacer: 'delete', حذف: 'delete', مسح: 'delete',
  'delete confirm': 'delete-confirm', 'supprimer confirmer': 'delete-confirm', 'حذف تاكيد': 'delete-confirm',
};

const text = (ctx: CommandContext, s: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [s] }] });

function show(ctx: CommandContext): Reply {
  const mine = ctx.core.store.registrationsOf(ctx.caller.id);
  if (mine.length === 0) {
    return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('me.none')] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.register'), command: 'register', style: 'primary' }] }] };
  }
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('me.header') },
      ...mine.flatMap((r) => registrationBlocks(ctx, r)),
      { type: 'actions', buttons: [{ label: ctx.t('buttons.update'), command: 'register' }, { label: ctx.t('buttons.withdraw'), command: 'me cancel' }, { label: ctx.t('buttons.exportMine'), command: 'me export' }, { label: ctx.t('buttons.deleteMine'), command: 'me delete', style: 'danger' }] },
    ],
  };
}

async function withdraw(ctx: CommandContext): Promise<Reply> {
  const active = ctx.core.store.registrationsOf(ctx.caller.id).filter((r) => r.status !== 'withdrawn');
  if (active.length === 0) return text(ctx, ctx.t('me.none'));
  for (const r of active) await setStatus(ctx.core.store, r, 'withdrawn', ctx.now.toUTC().toISO()!);
  return text(ctx, ctx.t('me.withdrawn', { ids: active.map((r) => r.id).join(', ') }));
}

function exportMine(ctx: CommandContext): Reply {
  const { store } = ctx.core;
  const data = {
    user: ctx.caller.id,
    preferences: store.user(ctx.caller.id) ?? null,
    registrations: store.registrationsOf(ctx.caller.id),
    formInProgress: store.form(ctx.caller.id) ?? null,
    conversations: store.conversations().filter((c) => c.userId === ctx.caller.id).map((c) => ({ id: c.id, platform: c.platform, scope: c.scope })),
  };
  return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('me.exported')] }], files: [{ name: 'my-ckex-data.json', mime: 'application/json', content: JSON.stringify(data, null, 2), private: true }] };
}

export const me = defineCommand({
  name: 'me',
  aliases: { en: ['me', 'my', 'mine'], fr: ['moi', 'profil'], ar: ['بياناتي', 'أنا', 'انا', 'حسابي'] },
  args: () => words,
  run: async (ctx, arg: string): Promise<Reply> => {
    const action = arg === '' ? undefined : ACTIONS[normalizeWord(arg)];
    if (arg !== '' && !action) return text(ctx, ctx.t('commands.me.invalid', { given: arg, usage: ctx.t('commands.me.usage') }));
    switch (action) {
      case undefined:
        return show(ctx);
      case 'cancel':
        return withdraw(ctx);
      case 'export':
        return exportMine(ctx);
      case 'delete':
        return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('me.deleteAsk')] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.deleteConfirm'), command: 'me delete confirm', style: 'danger' }] }] };
      case 'delete-confirm':
        await ctx.core.store.eraseUser(ctx.caller.id);
        return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.core.i18n.t(ctx.lang)('me.deleted')] }] };
    }
  },
});
