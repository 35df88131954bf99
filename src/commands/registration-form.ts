// The conversational registration form: one question at a time, each answer validated, back/skip/cancel,
// a summary with edit and confirm. Progress is stored after every step, so it survives restarts.
import { FIELDS, FIELD_IDS, type Answers, type FieldDef, type FieldId } from '../core/forms/fields.js';
import { countryName } from '../core/forms/countries.js';
import { saveFormOver } from '../core/forms/form-version.js';
import { submitRegistration } from '../core/forms/registration.js';
import { answerLimit, validateField } from '../core/forms/validate.js';
import type { Block, Button, Reply } from '../core/reply.js';
import type { FormProgress } from '../core/store/records.js';
import { formWord } from './form-words.js';
import { normalizeWord } from '../core/i18n/normalize.js';
import { afterSubmit } from './registration-outcome.js';
import { eventOver } from '../core/event-over.js';
import { registrationClosedReply } from '../views/registration-closed.js';
import { readRegionAnswer, regionQuestion, withAnswer, type RegionQuestion } from './region-step.js';
import type { CommandContext } from '../core/context.js';
import { answerFields, answerText } from '../views/registration.js';

const TOTAL = FIELDS.length;
/** A form left alone this long no longer takes over every message; `register` resumes it. */
export const FORM_IDLE_MS = 30 * 60 * 1000;

export type RunCommand = (ctx: CommandContext, text: string) => Promise<Reply>;

const field = (step: number): FieldDef => FIELDS[Math.min(step, TOTAL - 1)]!;

function firstUnanswered(answers: Answers, from = 0): number | undefined {
  const index = FIELD_IDS.findIndex((id, i) => i >= from && answers[id] === undefined);
  return index === -1 ? undefined : index;
}

async function save(ctx: CommandContext, progress: FormProgress): Promise<void> {
  await saveFormOver(ctx, { ...progress, updatedAt: ctx.now.toUTC().toISO()! });
}

export function newProgress(ctx: CommandContext, answers: Answers = {}): FormProgress {
  const now = ctx.now.toUTC().toISO()!;
  const step = firstUnanswered(answers) ?? 0;
  return { answers, step, review: firstUnanswered(answers) === undefined, editing: false, lang: ctx.lang, startedAt: now, updatedAt: now };
}

/** The current question, with its help, the current answer if any, its choices and the steering buttons. */
export function questionReply(ctx: CommandContext, progress: FormProgress, before: Block[] = []): Reply {
  if (progress.review) return reviewReply(ctx, progress, before);
  const def = field(progress.step);
  const blocks: Block[] = [...before, { type: 'header', text: ctx.t('form.header', { n: progress.step + 1, total: TOTAL }) }];
  if (def.id === 'consent') blocks.push({ type: 'text', text: [ctx.t('form.notice')] });
  const question: RegionQuestion = def.id === 'region' ? regionQuestion(ctx, progress) : { prompt: ctx.t(`form.fields.${def.id}.prompt`), help: ctx.t(`form.fields.${def.id}.help`) };
  blocks.push({ type: 'text', text: [question.prompt] }, { type: 'context', text: [question.help] });
  if (question.yes) blocks.push({ type: 'actions', buttons: [question.yes] });
  // Consent given or refused in one press, as the other questions' answers are.
  if (def.id === 'consent') blocks.push({ type: 'actions', buttons: [{ label: ctx.t('buttons.consentYes'), command: 'yes', style: 'primary' }, { label: ctx.t('buttons.consentNo'), command: 'no' }] });
  const current = progress.answers[def.id];
  if (current !== undefined) blocks.push({ type: 'context', text: [ctx.t('form.current', { value: answerText(ctx, def.id, current) })] });
  const choices = progress.pendingChoices ?? def.choices;
  if (choices) {
    const label = (c: string) => (progress.pendingChoices ? countryName(c, ctx.lang) : ctx.t(`form.choices.${def.id}.${c}`));
    blocks.push({ type: 'text', text: [choices.map((c, i) => `${i + 1}. ${label(c)}`).join('\n')] });
    blocks.push({ type: 'actions', buttons: choices.map((c, i) => ({ label: label(c), command: String(i + 1) })) });
  }
  const steer: Button[] = [];
  if (progress.step > 0) steer.push({ label: ctx.t('buttons.back'), command: 'back' });
  if (!def.required) steer.push({ label: ctx.t('buttons.skip'), command: 'skip' });
  steer.push({ label: ctx.t('buttons.cancel'), command: 'cancel', style: 'danger' });
  blocks.push({ type: 'actions', buttons: steer }, { type: 'context', text: [ctx.t('form.steering')] });
  return { lang: ctx.lang, blocks };
}

function reviewReply(ctx: CommandContext, progress: FormProgress, before: Block[] = []): Reply {
  return {
    lang: ctx.lang,
    blocks: [
      ...before,
      { type: 'header', text: ctx.t('form.reviewHeader') },
      { type: 'fields', fields: answerFields(ctx, progress.answers) },
      { type: 'actions', buttons: [{ label: ctx.t('buttons.confirm'), command: 'confirm', style: 'primary' }, { label: ctx.t('buttons.cancel'), command: 'cancel', style: 'danger' }] },
      { type: 'actions', buttons: FIELDS.map((f) => ({ label: ctx.t('buttons.edit', { field: ctx.t(`form.fields.${f.id}.label`) }), command: `edit ${f.id}` })) },
      { type: 'context', text: [ctx.t('form.reviewHelp')] },
    ],
  };
}

const text = (ctx: CommandContext, s: string): Block => ({ type: 'text', text: [s] });

/** The field named after "edit": its id, or its label in any language. */
function fieldNamed(ctx: CommandContext, words: string): FieldId | undefined {
  const typed = normalizeWord(words.trim());
  if (typed === '') return undefined;
  return FIELD_IDS.find((id) => {
    const labels = [id, ...(['en', 'fr', 'ar'] as const).map((l) => ctx.core.i18n.t(l)(`form.fields.${id}.label`))].map(normalizeWord);
    return labels.some((l) => l === typed || l.startsWith(typed));
  });
}

/**
 * Moves on after an answer: back to the summary when editing (by way of any question the edit left unanswered,
 * such as the region after a new country), else to the next unanswered question.
 */
function advance(progress: FormProgress): FormProgress {
  const next = progress.editing ? firstUnanswered(progress.answers) : firstUnanswered(progress.answers, progress.step + 1) ?? firstUnanswered(progress.answers);
  const { pendingChoices: _done, regionToConfirm: _asked, ...rest } = progress;
  return next === undefined ? { ...rest, review: true, editing: false } : { ...rest, step: next, review: false };
}

async function answer(ctx: CommandContext, progress: FormProgress, raw: string): Promise<Reply> {
  const def = field(progress.step);
  if (progress.pendingChoices) {
    const n = Number.parseInt(raw.trim(), 10);
    const picked = /^\d+$/.test(raw.trim()) ? progress.pendingChoices[n - 1] : undefined;
    if (picked) {
      const next = advance({ ...progress, answers: withAnswer(ctx, progress.answers, def.id, picked) });
      await save(ctx, next);
      return questionReply(ctx, next);
    }
  }
  if (def.id === 'region') {
    const step = readRegionAnswer(ctx, progress, raw);
    const next = step.kind === 'answer' ? advance({ ...progress, answers: withAnswer(ctx, progress.answers, 'region', step.region) }) : step.progress;
    await save(ctx, next);
    return questionReply(ctx, next, step.kind === 'ask' && step.notice ? [text(ctx, step.notice)] : []);
  }
  const result = validateField(def, raw, ctx.core.i18n);
  if (!result.ok) {
    const next: FormProgress = { ...progress };
    if (result.choices) next.pendingChoices = result.choices;
    else delete next.pendingChoices;
    await save(ctx, next);
    const reason = ctx.t(`form.errors.${result.error}`, { max: answerLimit(def) });
    return questionReply(ctx, next, [text(ctx, reason)]);
  }
  const next = advance({ ...progress, answers: withAnswer(ctx, progress.answers, def.id, result.value) });
  await save(ctx, next);
  return questionReply(ctx, next);
}

async function confirm(ctx: CommandContext, progress: FormProgress): Promise<Reply> {
  const missing = firstUnanswered(progress.answers);
  if (missing !== undefined) {
    const next = { ...progress, step: missing, review: false };
    await save(ctx, next);
    return questionReply(ctx, next, [text(ctx, ctx.t('form.errors.incomplete'))]);
  }
  const submitted = await submitRegistration(ctx.core.store, ctx.caller, ctx.lang, progress.answers as Required<Answers>, ctx.now.toUTC().toISO()!);
  await ctx.core.store.dropForm(ctx.caller.id);
  return afterSubmit(ctx, submitted);
}

/** A message while a form is open: a steering word, a command asked midway, or the answer to the question. */
export async function continueForm(ctx: CommandContext, progress: FormProgress, message: string, isCommand: (message: string, freeText: boolean) => boolean, run: RunCommand): Promise<Reply> {
  if (eventOver(ctx.core, ctx.now)) {
    // The event ended while this form was open: nothing more is recorded, and what it held goes.
    await ctx.core.store.dropForm(ctx.caller.id);
    return registrationClosedReply(ctx);
  }
  // A steering word as typed or as its button reads ("Skip.", "Edit: Country", « Modifier : Pays »).
  const steering = message.trim().replace(/^[\s¿¡"'«“]+|[\s?!.,;…؟،؛"'»”]+$/gu, '').replace(/\s*[:：]\s*/g, ' ');
  const [first = '', ...rest] = steering.split(/\s+/);
  const word = formWord(first);
  if (word === 'cancel') {
    await ctx.core.store.dropForm(ctx.caller.id);
    return { lang: ctx.lang, blocks: [text(ctx, ctx.t('form.cancelled'))] };
  }
  if (word === 'back') {
    const next: FormProgress = progress.review ? { ...progress, review: false, step: TOTAL - 1 } : { ...progress, step: Math.max(0, progress.step - 1) };
    delete next.pendingChoices;
    delete next.regionToConfirm;
    await save(ctx, { ...next, editing: false });
    return questionReply(ctx, { ...next, editing: false });
  }
  if (word === 'skip' && !progress.review) {
    if (field(progress.step).required) return questionReply(ctx, progress, [text(ctx, ctx.t('form.errors.cannotSkip'))]);
    const next = advance({ ...progress, answers: { ...progress.answers, [field(progress.step).id]: '' } });
    await save(ctx, next);
    return questionReply(ctx, next);
  }
  // "confirm" is never an answer: while editing it keeps the answer as it was and submits.
  if (word === 'confirm') return confirm(ctx, { ...progress, editing: false });
  if (word === 'edit') {
    const id = fieldNamed(ctx, rest.join(' '));
    if (!id) return questionReply(ctx, progress, [text(ctx, ctx.t('form.errors.editWhich'))]);
    const next: FormProgress = { ...progress, step: FIELD_IDS.indexOf(id), review: false, editing: true };
    delete next.pendingChoices;
    delete next.regionToConfirm;
    await save(ctx, next);
    return questionReply(ctx, next);
  }
  if (first !== '' && isCommand(message, !progress.review && field(progress.step).kind === 'text')) {
    // Another command asked midway: answer it, then ask the question again.
    const answered = await run(ctx, message);
    if (!(await ctx.core.store.form(ctx.caller.id))) return answered; // the command ended the form (me delete)
    return questionReply(ctx, progress, [...answered.blocks, { type: 'divider' }]);
  }
  if (progress.review) return questionReply(ctx, progress, [text(ctx, ctx.t('form.errors.reviewWhat'))]);
  return answer(ctx, progress, message);
}
