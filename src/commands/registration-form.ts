// The conversational registration form, on the one form engine (form-engine.ts): its questions (the region asked
// as the country suggests), its answers checked, a summary with edit and confirm, the registration submitted.
import { FIELDS, FIELD_IDS, type Answers, type FieldDef, type FieldId } from '../core/forms/fields.js';
import { advance as advanceIn, newFormProgress, saveStep, textBlock, type FormSpec } from './form-engine.js';
import { countryName } from '../core/forms/countries.js';
import { submitRegistration } from '../core/forms/registration.js';
import { answerLimit, validateField } from '../core/forms/validate.js';
import type { Block, Button, Reply } from '../core/reply.js';
import type { FormProgress } from '../core/store/records.js';
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

const field = (step: number): FieldDef => FIELDS[Math.min(step, TOTAL - 1)]!;

const save = saveStep;

export const newProgress = (ctx: CommandContext, answers: Answers = {}): FormProgress => newFormProgress(registrationForm, ctx, answers as Record<string, string>);

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

const text = (_ctx: CommandContext, s: string): Block => textBlock(s);

/** The field named after "edit": its id, or its label in any language. */
function fieldNamed(ctx: CommandContext, words: string): number | undefined {
  const typed = normalizeWord(words.trim());
  if (typed === '') return undefined;
  const id = FIELD_IDS.find((id) => {
    const labels = [id, ...(['en', 'fr', 'ar'] as const).map((l) => ctx.core.i18n.t(l)(`form.fields.${id}.label`))].map(normalizeWord);
    return labels.some((l) => l === typed || l.startsWith(typed));
  });
  return id === undefined ? undefined : FIELD_IDS.indexOf(id);
}

const advance = (progress: FormProgress): FormProgress => advanceIn(registrationForm, progress);

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

async function submit(ctx: CommandContext, progress: FormProgress): Promise<Reply> {
  const submitted = await submitRegistration(ctx.core.store, ctx.caller, ctx.lang, progress.answers as Required<Answers>, ctx.now.toUTC().toISO()!);
  await ctx.core.store.dropForm(ctx.caller.id);
  return afterSubmit(ctx, submitted);
}

export const registrationForm: FormSpec = {
  kind: 'registration',
  command: 'register',
  fields: FIELDS,
  question: questionReply,
  answer,
  submit,
  fieldNamed,
  keys: { cancelled: 'form.cancelled', editWhich: 'form.errors.editWhich', reviewWhat: 'form.errors.reviewWhat' },
  // The event ended while this form was open: registration is closed.
  closed: (ctx) => (eventOver(ctx.core, ctx.now) ? registrationClosedReply(ctx) : undefined),
};
