// Moderation: answered <q>, hide <q>, publish <q> (a question waiting in the queue), queue <session>, and
// moderators <session> <ids> (organisers). Each status changes only from the one it was read in, so two moderators
// pressing at once change it once.
import type { CommandContext } from '../../core/context.js';
import { platformOfAdminId } from '../../core/admins.js';
import type { Reply } from '../../core/reply.js';
import { MAX_MODERATORS, questionIdSchema, type QuestionStatus } from '../../core/store/live-records.js';
import { queueReply } from '../../views/live/index.js';
import { shownTitle } from '../../views/untranslated.js';
import { words } from '../args.js';
import { defineCommand } from '../types.js';
import { isModerator } from './questions.js';
import { SESSION_WORD } from './words.js';

/** A session's moderators are named by the organisers, who tell them these commands; help lists them to organisers. */
const organisersOnly = (): boolean => false;

const say = (ctx: CommandContext, text: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [text] }] });

function statusCommand(name: string, aliases: Record<'en' | 'fr' | 'ar', string[]>, from: QuestionStatus[], to: QuestionStatus) {
  return defineCommand({
    name,
    aliases,
    shownTo: organisersOnly,
    args: () => words,
    run: async (ctx, raw: string): Promise<Reply> => {
      const id = raw.trim().toLowerCase();
      if (!questionIdSchema.safeParse(id).success) return say(ctx, ctx.t('live.moderateHow', { word: aliases[ctx.lang][0], given: raw.trim() }));
      const q = await ctx.core.store.question(id);
      if (!q) return say(ctx, ctx.t('live.unknownQuestion', { id }));
      if (!(await isModerator(ctx, q.sessionId))) return say(ctx, ctx.t('live.moderatorsOnly'));
      const changed = await ctx.core.store.setQuestionStatus(id, from, to, ctx.now.toUTC().toISO()!);
      if (!changed) return say(ctx, ctx.t('live.alreadyStatus', { id, status: ctx.t(`live.status.${q.status}`) }));
      ctx.core.liveChanged?.(q.sessionId);
      return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t(`live.marked.${to}`, { id })] }, { type: 'actions', buttons: [{ label: ctx.t('live.seeQuestions'), command: `questions ${q.sessionId}` }, ...(to === 'open' || from.includes('waiting') ? [{ label: ctx.t('live.queueButton'), command: `queue ${q.sessionId}` }] : [])] }] };
    },
  });
}

export const answered = statusCommand('answered', { en: ['answered'], fr: ['répondu', 'repondu'], ar: ['أجيب', 'اجيب', 'تمت الإجابة'] }, ['open', 'waiting'], 'answered');
export const hide = statusCommand('hide', { en: ['hide'], fr: ['masquer', 'cacher'], ar: ['أخف', 'اخف', 'إخفاء', 'اخفاء'] }, ['open', 'waiting', 'answered'], 'hidden');
export const publish = statusCommand('publish', { en: ['publish', 'allow'], fr: ['publier', 'autoriser'], ar: ['انشر', 'نشر'] }, ['waiting'], 'open');

export const queue = defineCommand({
  name: 'queue',
  shownTo: organisersOnly,
  personal: true,
  aliases: { en: ['queue', 'moderate'], fr: ['file', 'modérer', 'moderer'], ar: ['المراجعة', 'راجع'] },
  args: () => words,
  run: async (ctx, raw: string): Promise<Reply> => {
    const id = raw.trim().toLowerCase();
    const timed = SESSION_WORD.test(id) ? ctx.core.agenda.session(id) : undefined;
    if (!timed) return say(ctx, ctx.t('live.queueHow'));
    if (!(await isModerator(ctx, id))) return say(ctx, ctx.t('live.moderatorsOnly'));
    return queueReply(ctx, timed, await ctx.core.store.questionsOf(id));
  },
});

export const moderators = defineCommand({
  name: 'moderators',
  admin: true,
  aliases: { en: ['moderators'], fr: ['modérateurs', 'moderateurs'], ar: ['المشرفون', 'مشرفون'] },
  args: () => words,
  run: async (ctx, raw: string): Promise<Reply> => {
    const [sessionWord = '', ...ids] = raw.trim().split(/[\s,]+/).filter(Boolean);
    const timed = SESSION_WORD.test(sessionWord) ? ctx.core.agenda.session(sessionWord.toLowerCase()) : undefined;
    if (!timed) return say(ctx, ctx.t('live.moderatorsHow'));
    const title = shownTitle(ctx, timed.session);
    if (ids.length === 0) {
      const current = await ctx.core.store.moderatorsOf(timed.session.id);
      return say(ctx, current.length ? ctx.t('live.moderatorsAre', { title, ids: current.join(', ') }) : ctx.t('live.moderatorsNone', { title }));
    }
    const bad = ids.find((id) => platformOfAdminId(id) === undefined || platformOfAdminId(id) === 'console');
    if (bad) return say(ctx, ctx.t('live.moderatorBadId', { given: bad }));
    if (ids.length > MAX_MODERATORS) return say(ctx, ctx.t('live.moderatorsTooMany', { count: MAX_MODERATORS }));
    await ctx.core.store.setModerators(timed.session.id, ids);
    return say(ctx, ctx.t('live.moderatorsSet', { title, ids: [...new Set(ids)].join(', ') }));
  },
});
