// The one engine of conversational forms (registration, announce): one question at a time, each answer checked,
// back/skip/cancel/edit/confirm in three languages, a command asked midway answered and the question asked again.
// Progress is stored after every step over the version read (saveFormOver), so it survives restarts and instances.
// A form is a FormSpec: its fields (src/core/forms), how it asks, how it takes an answer, what confirm does.
import type { FieldDef } from '../core/forms/fields.js';
import { saveFormOver } from '../core/forms/form-version.js';
import type { Block, Reply } from '../core/reply.js';
import type { FormKind, FormProgress } from '../core/store/records.js';
import type { CommandContext } from '../core/context.js';
import { formWord } from './form-words.js';

export type RunCommand = (ctx: CommandContext, text: string) => Promise<Reply>;

export interface FormSpec {
  kind: FormKind;
  /** The command that opens it: typed while it is open, it runs (start again, resume) rather than being an answer. */
  command: string;
  fields: readonly FieldDef<string>[];
  /** The current question, or the review when every answer is in; `before` comes first (a reason, a notice). */
  question(ctx: CommandContext, progress: FormProgress, before?: Block[]): Reply;
  /** The answer to the current question: checked, saved, and the next question asked. */
  answer(ctx: CommandContext, progress: FormProgress, raw: string): Promise<Reply>;
  /** What confirm does once every answer is in (the form is dropped by it). */
  submit(ctx: CommandContext, progress: FormProgress): Promise<Reply>;
  /** The step of the field named after "edit" (its id or its label in any language). */
  fieldNamed(ctx: CommandContext, words: string): number | undefined;
  /** The keys of its own messages: cancelled, and the reasons steering was refused. */
  keys: { cancelled: string; editWhich: string; reviewWhat: string };
  /** Whether this message answers the current question even if it reads as a command ("now" for when it goes). */
  takes?(ctx: CommandContext, progress: FormProgress, message: string): boolean;
  /** The form can no longer be filled (registration after the event): what to answer instead, the form dropped. */
  closed?(ctx: CommandContext): Reply | undefined;
}

export const textBlock = (s: string): Block => ({ type: 'text', text: [s] });

export const fieldAt = (spec: FormSpec, step: number): FieldDef<string> => spec.fields[Math.min(step, spec.fields.length - 1)]!;

export function firstUnanswered(spec: FormSpec, answers: Record<string, string>, from = 0): number | undefined {
  const index = spec.fields.findIndex((f, i) => i >= from && answers[f.id] === undefined);
  return index === -1 ? undefined : index;
}

export async function saveStep(ctx: CommandContext, progress: FormProgress): Promise<void> {
  await saveFormOver(ctx, { ...progress, updatedAt: ctx.now.toUTC().toISO()! });
}

/** A fresh form of this kind, begun with these answers (those known already). */
export function newFormProgress(spec: FormSpec, ctx: CommandContext, answers: Record<string, string> = {}): FormProgress {
  const now = ctx.now.toUTC().toISO()!;
  const step = firstUnanswered(spec, answers) ?? 0;
  return { ...(spec.kind === 'registration' ? {} : { kind: spec.kind }), answers, step, review: firstUnanswered(spec, answers) === undefined, editing: false, lang: ctx.lang, startedAt: now, updatedAt: now };
}

/**
 * Moves on after an answer: back to the summary when editing (by way of any question the edit left unanswered,
 * such as the region after a new country), else to the next unanswered question.
 */
export function advance(spec: FormSpec, progress: FormProgress): FormProgress {
  const next = progress.editing ? firstUnanswered(spec, progress.answers) : firstUnanswered(spec, progress.answers, progress.step + 1) ?? firstUnanswered(spec, progress.answers);
  const { pendingChoices: _done, regionToConfirm: _asked, ...rest } = progress;
  return next === undefined ? { ...rest, review: true, editing: false } : { ...rest, step: next, review: false };
}

async function confirm(spec: FormSpec, ctx: CommandContext, progress: FormProgress): Promise<Reply> {
  const missing = firstUnanswered(spec, progress.answers);
  if (missing !== undefined) {
    const next = { ...progress, step: missing, review: false };
    await saveStep(ctx, next);
    return spec.question(ctx, next, [textBlock(ctx.t('form.errors.incomplete'))]);
  }
  return spec.submit(ctx, progress);
}

/** A message while a form is open: a steering word, a command asked midway, or the answer to the question. */
export async function continueForm(spec: FormSpec, ctx: CommandContext, progress: FormProgress, message: string, isCommand: (message: string, freeText: boolean) => boolean, run: RunCommand): Promise<Reply> {
  const closed = spec.closed?.(ctx);
  if (closed) {
    // What it held goes: nothing more is recorded.
    await ctx.core.store.dropForm(ctx.caller.id);
    return closed;
  }
  // A steering word as typed or as its button reads ("Skip.", "Edit: Country", « Modifier : Pays »).
  const steering = message.trim().replace(/^[\s¿¡"'«“]+|[\s?!.,;…؟،؛"'»”]+$/gu, '').replace(/\s*[:：]\s*/g, ' ');
  const [first = '', ...rest] = steering.split(/\s+/);
  const word = formWord(first);
  if (word === 'cancel') {
    await ctx.core.store.dropForm(ctx.caller.id);
    return { lang: ctx.lang, blocks: [textBlock(ctx.t(spec.keys.cancelled))] };
  }
  if (word === 'back') {
    const next: FormProgress = progress.review ? { ...progress, review: false, step: spec.fields.length - 1 } : { ...progress, step: Math.max(0, progress.step - 1) };
    delete next.pendingChoices;
    delete next.regionToConfirm;
    await saveStep(ctx, { ...next, editing: false });
    return spec.question(ctx, { ...next, editing: false });
  }
  if (word === 'skip' && !progress.review) {
    if (fieldAt(spec, progress.step).required) return spec.question(ctx, progress, [textBlock(ctx.t('form.errors.cannotSkip'))]);
    const next = advance(spec, { ...progress, answers: { ...progress.answers, [fieldAt(spec, progress.step).id]: '' } });
    await saveStep(ctx, next);
    return spec.question(ctx, next);
  }
  // "confirm" is never an answer: while editing it keeps the answer as it was and submits.
  if (word === 'confirm') return confirm(spec, ctx, { ...progress, editing: false });
  if (word === 'edit') {
    const step = spec.fieldNamed(ctx, rest.join(' '));
    if (step === undefined) return spec.question(ctx, progress, [textBlock(ctx.t(spec.keys.editWhich))]);
    const next: FormProgress = { ...progress, step, review: false, editing: true };
    delete next.pendingChoices;
    delete next.regionToConfirm;
    await saveStep(ctx, next);
    return spec.question(ctx, next);
  }
  if (first !== '' && !progress.review && spec.takes?.(ctx, progress, message)) return spec.answer(ctx, progress, message);
  if (first !== '' && isCommand(message, !progress.review && fieldAt(spec, progress.step).kind === 'text')) {
    // Another command asked midway: answer it, then ask the question again.
    const answered = await run(ctx, message);
    if (!(await ctx.core.store.form(ctx.caller.id))) return answered; // the command ended the form (me delete)
    return spec.question(ctx, progress, [...answered.blocks, { type: 'divider' }]);
  }
  if (progress.review) return spec.question(ctx, progress, [textBlock(ctx.t(spec.keys.reviewWhat))]);
  return spec.answer(ctx, progress, message);
}
