// The one-screen feedback form (Slack modal, Teams card): its fields validated with the same rules as the
// conversation, errors on their field, saved over any earlier answer.
import type { CommandContext } from '../../core/context.js';
import { feedbackWindow } from '../../core/feedback/index.js';
import { FEEDBACK_FIELDS, type FeedbackFieldId } from '../../core/forms/feedback-fields.js';
import { answerLimit, validateField } from '../../core/forms/validate.js';
import type { FormView, Reply } from '../../core/reply.js';
import { feedbackFormView, feedbackWords, untilDay } from '../../views/feedback/index.js';
import { saveAnswers } from './conversation.js';

export type FeedbackOutcome = { ok: true; reply: Reply } | { ok: false; errors: Partial<Record<FeedbackFieldId, string>>; view: FormView };

const say = (ctx: CommandContext, text: string): Reply => ({ lang: ctx.lang, personal: true, blocks: [{ type: 'text', text: [text] }] });

export async function submitFeedbackForm(ctx: CommandContext, sessionId: string | undefined, raw: Record<string, string | undefined>): Promise<FeedbackOutcome> {
  const timed = sessionId ? ctx.core.agenda.session(sessionId) : undefined;
  if (!timed) return { ok: true, reply: say(ctx, ctx.t('feedback.which')) };
  const title = timed.session.title[ctx.lang];
  const window = feedbackWindow(timed, ctx.now);
  if (window === 'before') return { ok: true, reply: say(ctx, ctx.t('feedback.notYet', { title })) };
  if (window === 'closed') return { ok: true, reply: say(ctx, ctx.t('feedback.closed', { title, until: untilDay(ctx, timed) })) };
  const answers: Record<string, string> = {};
  const errors: Partial<Record<FeedbackFieldId, string>> = {};
  for (const f of FEEDBACK_FIELDS) {
    const result = validateField(f, raw[f.id] ?? '', ctx.core.i18n);
    if (!result.ok) errors[f.id] = result.error === 'rating' ? ctx.t('feedback.errors.rating') : ctx.t(`form.errors.${result.error}`, { max: answerLimit(f) });
    else if (result.value !== '') answers[f.id] = result.value;
  }
  if (Object.keys(errors).length > 0) {
    const values = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { ok: false, errors, view: feedbackFormView(ctx, timed, values, errors) };
  }
  await saveAnswers(ctx, timed.session.id, answers);
  // A conversation on the same session left open would ask again what the form just answered.
  const open = await ctx.core.store.form(ctx.caller.id);
  if (open?.progress.kind === 'feedback' && open.progress.subject === timed.session.id) await ctx.core.store.dropForm(ctx.caller.id);
  return { ok: true, reply: say(ctx, ctx.t('feedback.done', { title, until: untilDay(ctx, timed), command: feedbackWords(ctx, `feedback ${timed.session.id}`) })) };
}
