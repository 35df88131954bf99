// The feedback form as the reader sees it: one question at a time in a conversation (the rating with its buttons,
// then the two optional comments), or all at once as a one-screen form (Slack modal, Teams card), from the one
// definition in core/forms/feedback-fields.ts.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { FEEDBACK_FIELDS, RATINGS, type FeedbackFieldId } from '../../core/forms/feedback-fields.js';
import type { Block, Button, FormFieldView, FormView, Reply } from '../../core/reply.js';
import { feedbackWords, ratingLabel } from './labels.js';

export const ratingButtons = (ctx: CommandContext, sessionId: string): Button[] => RATINGS.map((r) => ({ label: ratingLabel(ctx, r), command: `feedback ${sessionId} ${r}` }));

/** Question `step` of the conversation, after what came before it (an error, a thank-you). */
export function feedbackQuestion(ctx: CommandContext, timed: TimedSession, step: number, answers: Record<string, string>, before: Block[] = []): Reply {
  const field = FEEDBACK_FIELDS[Math.min(step, FEEDBACK_FIELDS.length - 1)]!;
  const title = timed.session.title[ctx.lang];
  const blocks: Block[] = [...before, { type: 'header', text: ctx.t('feedback.header', { title }) }, { type: 'context', text: [ctx.t('feedback.step', { n: step + 1, total: FEEDBACK_FIELDS.length })] }];
  blocks.push({ type: 'text', text: [ctx.t(`feedback.questions.${field.id}`, { title })] });
  const current = answers[field.id];
  if (current) blocks.push({ type: 'context', text: [ctx.t('feedback.current', { value: field.id === 'rating' ? ratingLabel(ctx, current) : current })] });
  const steer: Button[] = [];
  if (field.id === 'rating') blocks.push({ type: 'actions', buttons: ratingButtons(ctx, timed.session.id) }, { type: 'context', text: [ctx.t('feedback.scale')] });
  else steer.push({ label: ctx.t('buttons.skip'), command: 'skip' });
  steer.push({ label: ctx.t('buttons.cancel'), command: 'cancel', style: 'danger' });
  blocks.push({ type: 'actions', buttons: steer }, { type: 'context', text: [ctx.t('feedback.steering')] });
  return { lang: ctx.lang, personal: true, blocks };
}

/** The one-screen form, with what was given before (a second answer replaces the first) and errors on their field. */
export function feedbackFormView(ctx: CommandContext, timed: TimedSession, values: Partial<Record<FeedbackFieldId, string>> = {}, errors: Partial<Record<FeedbackFieldId, string>> = {}): FormView {
  const fields: FormFieldView[] = FEEDBACK_FIELDS.map((f): FormFieldView => {
    const base = {
      id: f.id,
      label: ctx.t(`feedback.fields.${f.id}.label`),
      help: ctx.t(`feedback.fields.${f.id}.hint`),
      required: f.required,
      ...(values[f.id] ? { value: values[f.id] } : {}),
      ...(errors[f.id] ? { error: errors[f.id] } : {}),
    };
    if (f.kind === 'rating') return { ...base, kind: 'select', placeholder: ctx.t('form.choose'), invalid: ctx.t('feedback.errors.rating'), options: RATINGS.map((r) => ({ value: r, label: ratingLabel(ctx, r) })) };
    return { ...base, kind: 'text', placeholder: ctx.t(`feedback.fields.${f.id}.placeholder`), ...('max' in f ? { max: f.max } : {}) };
  });
  return { id: 'feedback', subject: timed.session.id, title: ctx.t('feedback.formTitle'), intro: ctx.t('feedback.formIntro', { title: timed.session.title[ctx.lang] }), notice: ctx.t('feedback.notice'), submitLabel: ctx.t('feedback.submit'), fields };
}

/** A reply carrying the one-screen form; its blocks say how to answer where no form can be shown. */
export function feedbackFormReply(ctx: CommandContext, timed: TimedSession, values: Partial<Record<FeedbackFieldId, string>> = {}): Reply {
  return { lang: ctx.lang, personal: true, form: feedbackFormView(ctx, timed, values), blocks: [{ type: 'text', text: [ctx.t('feedback.formFallback', { command: feedbackWords(ctx, `feedback ${timed.session.id}`) })] }] };
}
