// The one-screen form (Slack modal, Teams card): its fields as a FormView, and its submission validated
// field by field with the same rules as the conversation, errors returned on the right field.
// The region may be left empty: it is then the country's. Another region than the country's is recorded only
// when the person also ticks the box under it ("keep my choice…"), as the chat form asks for a yes: the box is
// always there, since a Slack modal cannot grow a field when it returns errors.
import { countryName } from '../core/forms/countries.js';
import { FIELDS, fieldById, type Answers, type FieldId } from '../core/forms/fields.js';
import type { Region } from '../core/choices.js';
import { submitRegistration } from '../core/forms/registration.js';
import { decideRegion } from '../core/content/regions.js';
import { answerLimit, validateField } from '../core/forms/validate.js';
import type { FormFieldView, FormView, Reply } from '../core/reply.js';
import { afterSubmit } from './registration-outcome.js';
import { eventOver } from '../core/event-over.js';
import { registrationClosedReply } from '../views/registration-closed.js';
import type { CommandContext } from '../core/context.js';

export type FieldErrors = Partial<Record<FieldId, string>>;

/** The box under the region that keeps a region other than the country's. */
export const REGION_CONFIRM = 'regionConfirm';

const regionConfirmField = (ctx: CommandContext, values: Record<string, string>): FormFieldView => ({
  id: REGION_CONFIRM,
  kind: 'toggle',
  label: ctx.t('form.regions.confirmLabel'),
  required: false,
  ...(values[REGION_CONFIRM] === 'yes' ? { value: 'yes' } : {}),
});

export function registrationFormView(ctx: CommandContext, values: Record<string, string> = {}, errors: FieldErrors = {}): FormView {
  const fields: FormFieldView[] = FIELDS.flatMap((f): FormFieldView[] => {
    const base = {
      id: f.id,
      label: ctx.t(`form.fields.${f.id}.label`),
      // The form's own hints, not the conversation's ("answer with a number", "type skip").
      help: ctx.t(`form.fields.${f.id}.hint`),
      required: f.required,
      ...(f.kind === 'choice' ? { placeholder: ctx.t('form.choose') } : f.kind === 'consent' ? {} : { placeholder: ctx.t(`form.fields.${f.id}.placeholder`) }),
      // The consent box names what it asks for; an empty field is « obligatoire ».
      ...(f.kind === 'email' ? { invalid: ctx.t('form.errors.email') } : f.kind === 'consent' ? { invalid: ctx.t('form.errors.consentBox') } : f.required ? { invalid: ctx.t('form.errors.required') } : {}),
      ...('max' in f ? { max: f.max } : {}),
      ...(values[f.id] ? { value: values[f.id] } : {}),
      ...(errors[f.id] ? { error: errors[f.id] } : {}),
    };
    const options = 'choices' in f ? f.choices.map((c) => ({ value: c, label: ctx.t(`form.choices.${f.id}.${c}`) })) : [];
    if (f.id === 'region') return [{ ...base, kind: 'select', options, required: false, help: ctx.t('form.regions.formHelp') }, regionConfirmField(ctx, values)];
    if (f.kind === 'choice') return [{ ...base, kind: 'select', options }];
    if (f.kind === 'consent') return [{ ...base, kind: 'toggle', option: ctx.t('form.consentLabel') }];
    return [{ ...base, kind: f.kind === 'email' ? 'email' : 'text' }];
  });
  return { id: 'registration', title: ctx.t('form.title'), intro: ctx.t('form.formIntro'), notice: ctx.t('form.notice'), submitLabel: ctx.t('buttons.submit'), fields };
}

/**
 * Prefill for a returning participant: their saved answers (the country as its name in their language), and the
 * box ticked when the region they confirmed is not their country's.
 */
export function formValues(ctx: CommandContext, answers: Answers): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = answers[f.id];
    if (v) values[f.id] = f.id === 'country' ? countryName(v, ctx.lang) : v;
  }
  const proposed = answers.country ? ctx.core.content.regions.regionOf(answers.country) : undefined;
  if (answers.region && proposed && answers.region !== proposed) values[REGION_CONFIRM] = 'yes';
  return values;
}

/** The region to record from what the form gave, or the message for the region field (none when the country is wrong). */
function formRegion(ctx: CommandContext, country: string | undefined, raw: Record<string, string | undefined>): { region: Region } | { error: string } | undefined {
  let chosen: Region | undefined;
  if ((raw.region ?? '').trim() !== '') {
    const result = validateField(fieldById('region')!, raw.region!, ctx.core.i18n);
    if (!result.ok) return { error: ctx.t(`form.errors.${result.error}`) };
    chosen = result.value as Region;
  }
  if (!country) return chosen ? { region: chosen } : undefined; // the country's own error says what to fix
  const proposed = ctx.core.content.regions.regionOf(country);
  const decision = decideRegion(proposed, chosen, raw[REGION_CONFIRM] === 'yes');
  const name = countryName(country, ctx.lang);
  if (decision.kind === 'region') return { region: decision.region };
  if (decision.kind === 'choose') return { error: ctx.t('form.regions.formNoRegion', { country: name }) };
  const label = (r: Region) => ctx.t(`form.choices.region.${r}`);
  return { error: ctx.t('form.regions.formConfirm', { country: name, proposed: label(decision.proposed), chosen: label(decision.chosen), proposedCode: decision.proposed }) };
}

export type FormOutcome = { ok: true; reply: Reply } | { ok: false; errors: FieldErrors; view: FormView };

export async function submitRegistrationForm(ctx: CommandContext, raw: Record<string, string | undefined>): Promise<FormOutcome> {
  if (eventOver(ctx.core, ctx.now)) return { ok: true, reply: registrationClosedReply(ctx) }; // nothing kept once the event is over
  const answers: Answers = {};
  const errors: FieldErrors = {};
  for (const f of FIELDS) {
    if (f.id === 'region') continue; // decided below, from the country
    const result = validateField(f, raw[f.id] ?? '', ctx.core.i18n);
    if (result.ok) answers[f.id] = result.value;
    else errors[f.id] = result.choices ? ctx.t('form.errors.countryChoose', { choices: result.choices.map((c) => countryName(c, ctx.lang)).join(' / ') }) : f.kind === 'consent' && result.error === 'required' ? ctx.t('form.errors.consentBox') : ctx.t(`form.errors.${result.error}`, { max: answerLimit(f) });
  }
  const values = Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  const region = formRegion(ctx, answers.country, raw);
  if (region && 'region' in region) answers.region = region.region;
  else if (region) errors.region = region.error;
  if (Object.keys(errors).length > 0) return { ok: false, errors, view: registrationFormView(ctx, values, errors) };
  const submitted = await submitRegistration(ctx.core.store, ctx.caller, ctx.lang, answers as Required<Answers>, ctx.now.toUTC().toISO()!);
  await ctx.core.store.dropForm(ctx.caller.id);
  return { ok: true, reply: afterSubmit(ctx, submitted) };
}
