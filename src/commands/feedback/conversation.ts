// Feedback as a conversation, on the form engine registration uses: the one definition (FEEDBACK_FIELDS), each
// answer validated by validateField, the progress stored and versioned as registration's (saveFormOver), the same
// steering words (formWord). The rating is saved as soon as it is given, each comment as it comes: what someone
// gave before stopping is kept. One answer per person and session: a second replaces the first.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { feedbackWindow, recordFeedback } from '../../core/feedback/index.js';
import { FEEDBACK_FIELDS } from '../../core/forms/feedback-fields.js';
import { saveFormOver } from '../../core/forms/form-version.js';
import { answerLimit, validateField } from '../../core/forms/validate.js';
import type { Block, Reply } from '../../core/reply.js';
import type { FormProgress } from '../../core/store/records.js';
import { feedbackQuestion, feedbackWords, ratingLabel, untilDay } from '../../views/feedback/index.js';
import { formWord } from '../form-words.js';
import type { RunCommand } from '../form-engine.js';
import { isFeedbackCommand } from './words.js';

const say = (text: string): Block => ({ type: 'text', text: [text] });

/** Whether a conversational feedback form may be opened now: not over a registration form under way. */
export const mayConverse = (ctx: CommandContext): boolean => ctx.conversational && (!ctx.form || ctx.form.progress.kind === 'feedback');

/** The answers given before, as the form holds them: the rating as its digit, the comments as written. */
export async function earlierAnswers(ctx: CommandContext, sessionId: string): Promise<Record<string, string>> {
  const before = await ctx.core.store.feedbackFrom(ctx.caller.id, sessionId);
  if (!before) return {};
  return { rating: String(before.rating), ...(before.useful ? { useful: before.useful.text } : {}), ...(before.better ? { better: before.better.text } : {}) };
}

export async function saveAnswers(ctx: CommandContext, sessionId: string, answers: Record<string, string>): Promise<void> {
  await recordFeedback(ctx.core, ctx.caller.id, sessionId, { rating: Number(answers.rating), ...(answers.useful ? { useful: answers.useful } : {}), ...(answers.better ? { better: answers.better } : {}) }, ctx.lang, ctx.now.toUTC().toISO()!);
}

function progressAt(ctx: CommandContext, timed: TimedSession, step: number, answers: Record<string, string>): FormProgress {
  const now = ctx.now.toUTC().toISO()!;
  const startedAt = ctx.form?.progress.kind === 'feedback' && ctx.form.progress.subject === timed.session.id ? ctx.form.progress.startedAt : now;
  return { kind: 'feedback', subject: timed.session.id, answers, step, review: false, editing: false, lang: ctx.lang, startedAt, updatedAt: now };
}

/** Asks question `step`, remembering where the conversation is (a restart or another instance takes it up). */
export async function askStep(ctx: CommandContext, timed: TimedSession, step: number, answers: Record<string, string>, before: Block[] = []): Promise<Reply> {
  await saveFormOver(ctx, progressAt(ctx, timed, step, answers));
  return feedbackQuestion(ctx, timed, step, answers, before);
}

async function finish(ctx: CommandContext, timed: TimedSession): Promise<Reply> {
  await ctx.core.store.dropForm(ctx.caller.id);
  const title = timed.session.title[ctx.lang];
  return { lang: ctx.lang, personal: true, blocks: [say(ctx.t('feedback.done', { title, until: untilDay(ctx, timed), command: feedbackWords(ctx, `feedback ${timed.session.id}`) }))] };
}

/** After an answer: the next question, or the end. */
export async function nextStep(ctx: CommandContext, timed: TimedSession, step: number, answers: Record<string, string>, before: Block[] = []): Promise<Reply> {
  if (step + 1 >= FEEDBACK_FIELDS.length) return finish(ctx, timed);
  return askStep(ctx, timed, step + 1, answers, before);
}

/** A message while a feedback form is open: a steering word, a command asked midway, or the answer. */
export async function continueFeedback(ctx: CommandContext, progress: FormProgress, message: string, isCommand: (message: string, freeText: boolean) => boolean, run: RunCommand): Promise<Reply> {
  const timed = progress.subject ? ctx.core.agenda.session(progress.subject) : undefined;
  if (!timed || feedbackWindow(timed, ctx.now) !== 'open') {
    await ctx.core.store.dropForm(ctx.caller.id);
    return timed ? { lang: ctx.lang, blocks: [say(ctx.t('feedback.closed', { title: timed.session.title[ctx.lang], until: untilDay(ctx, timed) }))] } : run(ctx, message);
  }
  const step = Math.min(progress.step, FEEDBACK_FIELDS.length - 1);
  const field = FEEDBACK_FIELDS[step]!;
  const answers = { ...progress.answers };
  const steering = message.trim().replace(/^[\s¿¡"'«“]+|[\s?!.,;…؟،؛"'»”]+$/gu, '');
  const word = /\s/.test(steering) ? undefined : formWord(steering);
  if (word === 'cancel') {
    await ctx.core.store.dropForm(ctx.caller.id);
    return { lang: ctx.lang, blocks: [say(ctx.t('feedback.cancelled'))] };
  }
  if (word === 'back') return askStep(ctx, timed, Math.max(0, step - 1), answers);
  if (word === 'skip') {
    if (field.required) return askStep(ctx, timed, step, answers, [say(ctx.t('form.errors.cannotSkip'))]);
    delete answers[field.id];
    if (answers.rating) await saveAnswers(ctx, timed.session.id, answers);
    return nextStep(ctx, timed, step, answers);
  }
  // `feedback …` itself (a button of the prompt, another session) moves or replaces this conversation on its own.
  if (isFeedbackCommand(message)) return run(ctx, message);
  if (isCommand(message, field.kind === 'text')) {
    // Another command asked midway: answered; the question is asked again unless the command moved the form.
    const answered = await run(ctx, message);
    const now = await ctx.core.store.form(ctx.caller.id);
    if (answered.form || !now || now.progress.kind !== 'feedback' || now.progress.step !== progress.step || now.progress.subject !== progress.subject) return answered;
    ctx.form = now;
    return feedbackQuestion(ctx, timed, step, answers, [...answered.blocks, { type: 'divider' }]);
  }
  const result = validateField(field, message, ctx.core.i18n);
  if (!result.ok) {
    const reason = result.error === 'rating' ? ctx.t('feedback.errors.rating') : ctx.t(`form.errors.${result.error}`, { max: answerLimit(field) });
    return askStep(ctx, timed, step, answers, [say(reason)]);
  }
  if (result.value === '') delete answers[field.id];
  else answers[field.id] = result.value;
  if (!answers.rating) return askStep(ctx, timed, 0, answers);
  await saveAnswers(ctx, timed.session.id, answers);
  const thanks = field.id === 'rating' ? [say(ctx.t('feedback.ratingSaved', { rating: ratingLabel(ctx, result.value) }))] : [];
  return nextStep(ctx, timed, step, answers, thanks);
}
