// vote <question>: one vote per person and question (the 👍 button); pressed again, the vote is taken back. Only a
// question others can see, while its session takes questions.
import type { CommandContext } from '../../core/context.js';
import { questionWindow } from '../../core/live/index.js';
import type { Reply } from '../../core/reply.js';
import { questionIdSchema } from '../../core/store/live-records.js';
import { questionBlock } from '../../views/live/index.js';
import { windowNote } from '../../views/live/index.js';
import { words } from '../args.js';
import { defineCommand } from '../types.js';
import { questionIdIn } from './own-words.js';

const say = (ctx: CommandContext, text: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [text] }] });

export const vote = defineCommand({
  name: 'vote',
  aliases: { en: ['vote', 'upvote', '+1'], fr: ['voter', 'soutenir'], ar: ['صوت', 'تصويت', 'أؤيد'] },
  args: () => words,
  run: async (ctx, raw: string): Promise<Reply> => {
    // "vote q3", and "vote for q3", « voter pour q3 », «صوّت للسؤال q3»: the one question id said.
    const id = questionIdIn(raw) ?? raw.trim().toLowerCase();
    if (!questionIdSchema.safeParse(id).success) return say(ctx, ctx.t('live.voteHow', { given: raw.trim() }));
    const q = await ctx.core.store.question(id);
    if (!q || q.status === 'hidden' || (q.status === 'waiting' && q.authorId !== ctx.caller.id)) return say(ctx, ctx.t('live.unknownQuestion', { id }));
    const timed = ctx.core.agenda.session(q.sessionId);
    if (!timed || questionWindow(timed, ctx.now, ctx.core.live.minutes) !== 'open') return say(ctx, timed ? windowNote(ctx, timed) : ctx.t('live.unknownQuestion', { id }));
    if (q.status !== 'open') return say(ctx, ctx.t('live.notVotable', { id }));
    const toggled = await ctx.core.store.toggleVote(id, ctx.caller.id, ctx.now.toUTC().toISO()!);
    if (!toggled) return say(ctx, ctx.t('live.unknownQuestion', { id }));
    ctx.core.liveChanged?.(q.sessionId);
    return {
      lang: ctx.lang,
      personal: true,
      blocks: [{ type: 'text', text: [ctx.t(toggled.voted ? 'live.voted' : 'live.unvoted', { id })] }, questionBlock(ctx, { ...q, votes: toggled.votes }, true), { type: 'actions', buttons: [{ label: ctx.t('live.seeQuestions'), command: `questions ${q.sessionId}` }] }],
    };
  },
});
