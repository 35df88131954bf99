// feedback <session id> [rating]: the form on a session, from its start until seven days after it ends; off/on:
// the prompts after sessions; report and export for organisers. `avis`, `تقييم` in French and Arabic.
import type { CommandContext } from '../../core/context.js';
import { feedbackWindow } from '../../core/feedback/index.js';
import { FEEDBACK_FIELDS } from '../../core/forms/feedback-fields.js';
import { validateField } from '../../core/forms/validate.js';
import type { Reply } from '../../core/reply.js';
import { feedbackFormReply, feedbackQuestion, feedbackWords, ratingLabel, untilDay } from '../../views/feedback/index.js';
import { words } from '../args.js';
import { defineCommand } from '../types.js';
import { askStep, earlierAnswers, mayConverse, nextStep, saveAnswers } from './conversation.js';
import { feedbackExport, feedbackReport } from './report.js';
import { FEEDBACK_ALIASES, feedbackWord, SESSION_WORD } from './words.js';

const say = (ctx: CommandContext, text: string): Reply => ({ lang: ctx.lang, personal: true, blocks: [{ type: 'text', text: [text] }] });

async function onSession(ctx: CommandContext, id: string, rating: string, asForm: boolean): Promise<Reply> {
  const timed = ctx.core.agenda.session(id.toLowerCase());
  if (!timed) return say(ctx, ctx.t('feedback.unknown', { given: id }));
  const title = timed.session.title[ctx.lang];
  const window = feedbackWindow(timed, ctx.now);
  if (window === 'before') return say(ctx, ctx.t('feedback.notYet', { title }));
  if (window === 'closed') return say(ctx, ctx.t('feedback.closed', { title, until: untilDay(ctx, timed) }));
  const answers = await earlierAnswers(ctx, timed.session.id);
  if (asForm || (!ctx.conversational && rating === '')) return feedbackFormReply(ctx, timed, answers);
  if (rating === '') return mayConverse(ctx) ? askStep(ctx, timed, 0, answers) : { ...feedbackQuestion(ctx, timed, 0, answers), form: feedbackFormReply(ctx, timed, answers).form! };
  // A rating given with the command (a button of the prompt, or typed): saved at once, then the comments.
  const result = validateField(FEEDBACK_FIELDS[0], rating, ctx.core.i18n);
  if (!result.ok) return feedbackQuestion(ctx, timed, 0, answers, [{ type: 'text', text: [ctx.t('feedback.errors.rating')] }]);
  const given = { ...answers, rating: result.value };
  await saveAnswers(ctx, timed.session.id, given);
  const thanks = { type: 'text' as const, text: [ctx.t('feedback.ratingSaved', { rating: ratingLabel(ctx, result.value) })] };
  if (mayConverse(ctx)) return nextStep(ctx, timed, 0, given, [thanks]);
  return { lang: ctx.lang, personal: true, blocks: [thanks, { type: 'actions', buttons: [{ label: ctx.t('feedback.formButton'), command: `feedback form ${timed.session.id}` }] }] };
}

export const feedback = defineCommand({
  name: 'feedback',
  personal: true,
  aliases: FEEDBACK_ALIASES,
  args: () => words,
  run: async (ctx, raw: string): Promise<Reply> => {
    const [first = '', ...rest] = raw.trim().split(/\s+/).filter(Boolean);
    const word = feedbackWord(first);
    const at = ctx.now.toUTC().toISO()!;
    if (first === '') return say(ctx, ctx.t('feedback.which'));
    if (word === 'off' && rest.length === 0) {
      await ctx.core.store.setFeedbackPrompts(ctx.caller.id, false, at);
      return say(ctx, ctx.t('feedback.off', { on: feedbackWords(ctx, 'feedback on') }));
    }
    if (word === 'on' && rest.length === 0) {
      await ctx.core.store.setFeedbackPrompts(ctx.caller.id, true, at);
      return say(ctx, ctx.t('feedback.on'));
    }
    if (word === 'report' || word === 'export') {
      if (!ctx.isAdmin) return say(ctx, ctx.t('errors.organisersOnly'));
      return word === 'report' ? feedbackReport(ctx, rest) : feedbackExport(ctx);
    }
    if (word === 'form' && rest.length === 1) return onSession(ctx, rest[0]!, '', true);
    if (SESSION_WORD.test(first)) return onSession(ctx, first, rest.join(' '), false);
    return say(ctx, ctx.t('feedback.unknown', { given: raw.trim() }));
  },
});
