// The one-screen form (Slack modal, Teams card): its fields as a FormView, and its submission validated
// field by field with the same rules as the conversation, errors returned on the right field.
import { countryName } from '../core/forms/countries.js';
import { FIELDS, type Answers, type FieldId } from '../core/forms/fields.js';
import { submitRegistration } from '../core/forms/registration.js';
import { validateField } from '../core/forms/validate.js';
import type { FormFieldView, FormView, Reply } from '../core/reply.js';
import { afterSubmit } from './registration-outcome.js';
import type { CommandContext } from './types.js';

export type FieldErrors = Partial<Record<FieldId, string>>;

export function registrationFormView(ctx: CommandContext, values: Record<string, string> = {}, errors: FieldErrors = {}): FormView {
  const fields: FormFieldView[] = FIELDS.map((f) => {
    const base = {
      id: f.id,
      label: ctx.t(`form.fields.${f.id}.label`),
      help: ctx.t(`form.fields.${f.id}.help`),
      required: f.required,
      ...('max' in f ? { max: f.max } : {}),
      ...(values[f.id] ? { value: values[f.id] } : {}),
      ...(errors[f.id] ? { error: errors[f.id] } : {}),
    };
    if (f.kind === 'choice') return { ...base, kind: 'select' as const, options: f.choices.map((c) => ({ value: c, label: ctx.t(`form.choices.${f.id}.${c}`) })) };
    if (f.kind === 'consent') return { ...base, kind: 'toggle' as const, label: ctx.t('form.consentLabel') };
    return { ...base, kind: f.kind === 'email' ? ('email' as const) : ('text' as const) };
  });
  return { id: 'registration', title: ctx.t('form.title'), intro: ctx.t('form.formIntro'), notice: ctx.t('form.notice'), submitLabel: ctx.t('buttons.submit'), fields };
}

/** Prefill for a returning participant: their saved answers (the country as its name in their language). */
export function formValues(ctx: CommandContext, answers: Answers): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = answers[f.id];
    if (v) values[f.id] = f.id === 'country' ? countryName(v, ctx.lang) : v;
  }
  return values;
}

export type FormOutcome = { ok: true; reply: Reply } | { ok: false; errors: FieldErrors; view: FormView };

export async function submitRegistrationForm(ctx: CommandContext, raw: Record<string, string | undefined>): Promise<FormOutcome> {
  const answers: Answers = {};
  const errors: FieldErrors = {};
  for (const f of FIELDS) {
    const result = validateField(f, raw[f.id] ?? '', ctx.core.i18n);
    if (result.ok) answers[f.id] = result.value;
    else errors[f.id] = result.choices ? ctx.t('form.errors.countryChoose', { choices: result.choices.map((c) => countryName(c, ctx.lang)).join(' / ') }) : ctx.t(`form.errors.${result.error}`, { max: 'max' in f ? f.max : 0 });
  }
  if (Object.keys(errors).length > 0) {
    const values = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { ok: false, errors, view: registrationFormView(ctx, values, errors) };
  }
  const submitted = await submitRegistration(ctx.core.store, ctx.caller.id, ctx.lang, answers as Required<Answers>, ctx.now.toUTC().toISO()!);
  await ctx.core.store.dropForm(ctx.caller.id);
  return { ok: true, reply: afterSubmit(ctx, submitted) };
}
