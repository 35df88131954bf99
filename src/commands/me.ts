// me: my registration and status; me cancel (withdraw, asks first), me export (my data as JSON), me delete (erase
// it all, asks first). A typed yes answers the question (pending.ts).
import { z } from 'zod';
import { setStatus } from '../core/forms/registration.js';
import type { Reply } from '../core/reply.js';
import { normalizeWord } from '../core/i18n/normalize.js';
import { askYesNo } from './pending.js';
import { defineCommand } from './types.js';
import type { CommandContext } from '../core/context.js';
import { registrationBlocks } from '../views/registration.js';

type Action = 'cancel' | 'cancel-confirm' | 'export' | 'delete' | 'delete-confirm';

const ACTIONS: Record<string, Action> = {
  cancel: 'cancel', withdraw: 'cancel', annuler: 'cancel', retirer: 'cancel', 'الغاء': 'cancel', انسحاب: 'cancel',
  export: 'export', exporter: 'export', تصدير: 'export',
  delete: 'delete', erase: 'delete', supprimer: 'delete', effacer: 'delete', حذف: 'delete', مسح: 'delete',
  'delete confirm': 'delete-confirm', 'supprimer confirmer': 'delete-confirm', 'حذف تاكيد': 'delete-confirm',
  'cancel confirm': 'cancel-confirm', 'withdraw confirm': 'cancel-confirm', 'annuler confirmer': 'cancel-confirm', 'retirer confirmer': 'cancel-confirm', 'الغاء تاكيد': 'cancel-confirm', 'انسحاب تاكيد': 'cancel-confirm',
};

/** An action word, or nothing; another word fails, so the dispatcher can read the message as a question ("my data"). */
const actionArg = z.string().transform((s, issues): Action | undefined => {
  if (s.trim() === '') return undefined;
  const action = ACTIONS[normalizeWord(s.trim())];
  if (!action) issues.addIssue({ code: 'custom', message: 'not an action of me' });
  return action ?? z.NEVER;
});

const text = (ctx: CommandContext, s: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [s] }] });

async function show(ctx: CommandContext): Promise<Reply> {
  const mine = await ctx.core.store.registrationsOf(ctx.caller.id);
  if (mine.length === 0) {
    return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('me.none')] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.register'), command: 'register', style: 'primary' }] }] };
  }
  // After a withdrawal, say so and offer to register again rather than to update or withdraw.
  const active = mine.some((r) => r.status !== 'withdrawn');
  const first = active ? [{ label: ctx.t('buttons.update'), command: 'register' }, { label: ctx.t('buttons.withdraw'), command: 'me cancel' }] : [{ label: ctx.t('buttons.registerAgain'), command: 'register', style: 'primary' as const }];
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('me.header') },
      ...mine.flatMap((r) => registrationBlocks(ctx, r)),
      { type: 'actions', buttons: [...first, { label: ctx.t('buttons.exportMine'), command: 'me export' }, { label: ctx.t('buttons.deleteMine'), command: 'me delete', style: 'danger' }] },
    ],
  };
}

/** Withdrawing asks first: the registration stays until a yes. */
async function askWithdraw(ctx: CommandContext): Promise<Reply> {
  const mine = await ctx.core.store.registrationsOf(ctx.caller.id);
  const active = mine.filter((r) => r.status !== 'withdrawn');
  if (active.length === 0) return text(ctx, mine.length > 0 ? ctx.t('me.alreadyWithdrawn', { ids: mine.map((r) => r.id).join(', ') }) : ctx.t('me.none'));
  await askYesNo(ctx, 'me cancel confirm');
  return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('me.withdrawAsk', { ids: active.map((r) => r.id).join(', ') })] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.withdrawConfirm'), command: 'me cancel confirm', style: 'danger' }] }] };
}

async function withdraw(ctx: CommandContext): Promise<Reply> {
  const mine = await ctx.core.store.registrationsOf(ctx.caller.id);
  const active = mine.filter((r) => r.status !== 'withdrawn');
  if (active.length === 0) return text(ctx, mine.length > 0 ? ctx.t('me.alreadyWithdrawn', { ids: mine.map((r) => r.id).join(', ') }) : ctx.t('me.none'));
  for (const r of active) await setStatus(ctx.core.store, r, 'withdrawn', ctx.now.toUTC().toISO()!);
  return text(ctx, ctx.t('me.withdrawn', { ids: active.map((r) => r.id).join(', ') }));
}

async function exportMine(ctx: CommandContext): Promise<Reply> {
  const { store } = ctx.core;
  const [preferences, registrations, form, conversations, stars, questions, votes, nominations, feedback, promptsOff] = await Promise.all([store.user(ctx.caller.id), store.registrationsOf(ctx.caller.id), store.form(ctx.caller.id), store.conversationsOf(ctx.caller.id), store.starsOf(ctx.caller.id), store.questionsBy(ctx.caller.id), store.votesBy(ctx.caller.id), store.nominationsBy(ctx.caller.id), store.feedbackBy(ctx.caller.id), store.feedbackPromptsOff([ctx.caller.id])]);
  const announcements = await store.announcementsBy(ctx.caller.id);
  const data = {
    user: ctx.caller.id,
    preferences: preferences ?? null,
    registrations,
    formInProgress: form?.progress ?? null,
    starredSessions: stars,
    liveQuestions: questions.map(({ authorId: _you, ...q }) => q),
    liveVotes: votes,
    /** Feedback given on sessions, and whether prompts after sessions are off. */
    sessionFeedback: feedback.map(({ userId: _you, ...f }) => f),
    feedbackPromptsOff: promptsOff.has(ctx.caller.id),
    /** As a regional focal point: the people nominated and what was decided. */
    nominationsMade: nominations,
    /** As an organiser: the announcements written, with their counts. */
    announcementsMade: announcements,
    conversations: conversations.map((c) => ({ id: c.id, platform: c.platform, scope: c.scope })),
  };
  return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('me.exported')] }], files: [{ name: 'my-ckex-data.json', mime: 'application/json', content: JSON.stringify(data, null, 2), private: true }] };
}

export const me = defineCommand({
  name: 'me',
  personal: true,
  aliases: { en: ['me', 'my', 'mine'], fr: ['moi', 'profil'], ar: ['بياناتي', 'أنا', 'انا', 'حسابي'] },
  args: () => actionArg,
  run: async (ctx, action: Action | undefined): Promise<Reply> => {
    switch (action) {
      case undefined:
        return show(ctx);
      case 'cancel':
        return askWithdraw(ctx);
      case 'cancel-confirm':
        return withdraw(ctx);
      case 'export':
        return exportMine(ctx);
      case 'delete':
        await askYesNo(ctx, 'me delete confirm');
        return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('me.deleteAsk')] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.deleteConfirm'), command: 'me delete confirm', style: 'danger' }, { label: ctx.t('buttons.cancel'), command: 'no' }] }] };
      case 'delete-confirm':
        await ctx.core.downloads.revoke(ctx.caller.id); // a `me export` link taken before must not outlive the data
        await ctx.core.store.eraseUser(ctx.caller.id);
        return { lang: ctx.lang, erased: true, blocks: [{ type: 'text', text: [ctx.core.i18n.t(ctx.lang)('me.deleted')] }] };
    }
  },
});
