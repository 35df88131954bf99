// The one-screen registration form as an Adaptive Card: the same fields as the chat form, client-side
// isRequired/regex where the card can check with the field's own error message, server-side errors under their
// field, placeholders (a list never starts blank), hints under the label, and boxes whose sentence wraps.
import type { FormFieldView, FormView } from '../../core/reply.js';
import type { Lang } from '../../core/lang.js';
import { TEAMS_LIMITS as L } from './limits.js';
import { cardText, titleText, type AdaptiveCard, type CardElement } from './render.js';

export const REGISTER_VERB = 'ckex-register';
const EMAIL_REGEX = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

function input(field: FormFieldView, rtl: boolean): CardElement {
  const checked = field.required || field.kind === 'email';
  const common = { id: field.id, isRequired: field.required, ...(checked && field.invalid ? { errorMessage: field.invalid } : {}), ...(field.placeholder ? { placeholder: field.placeholder } : {}) };
  const labelled = { ...common, label: titleText(field.label, rtl) };
  switch (field.kind) {
    case 'select':
      return { ...labelled, type: 'Input.ChoiceSet', style: 'compact', choices: (field.options ?? []).map((o) => ({ title: titleText(o.label, rtl), value: o.value })), ...(field.value ? { value: field.value } : {}) };
    case 'toggle':
      // A box with its own sentence keeps its short label; one whose label is the sentence shows it once, wrapped.
      return { ...(field.option ? labelled : common), type: 'Input.Toggle', title: titleText(field.option ?? field.label, rtl), wrap: true, valueOn: 'yes', valueOff: '', value: field.value === 'yes' ? 'yes' : '' };
    case 'email':
      return { ...labelled, type: 'Input.Text', style: 'Email', regex: EMAIL_REGEX, ...(field.max ? { maxLength: field.max } : {}), ...(field.value ? { value: field.value } : {}) };
    case 'text':
      return { ...labelled, type: 'Input.Text', ...(field.max ? { maxLength: field.max } : {}), ...(field.value ? { value: field.value } : {}) };
  }
}

/** Text of the card itself, laid out like every other card (Arabic right-to-left, units whole). */
const text = (s: string, rtl: boolean): string => cardText(s, { localTimes: false }, rtl);

/** The hint under a field, small and subtle, as Slack shows it. */
const hint = (field: FormFieldView, rtl: boolean): CardElement[] => (field.help ? [{ type: 'TextBlock', text: text(field.help, rtl), wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' }] : []);

export function formCard(form: FormView, lang: Lang): AdaptiveCard {
  const rtl = lang === 'ar';
  const body: CardElement[] = [
    { type: 'TextBlock', text: text(form.title, rtl), size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: text(form.intro, rtl), wrap: true },
  ];
  if (form.notice) body.push({ type: 'TextBlock', text: text(form.notice, rtl), wrap: true, isSubtle: true, size: 'Small' });
  for (const field of form.fields) {
    body.push(input(field, rtl), ...hint(field, rtl));
    if (field.error) body.push({ type: 'TextBlock', text: text(field.error, rtl), color: 'Attention', wrap: true, size: 'Small', spacing: 'None' });
  }
  body.push({ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: titleText(form.submitLabel, rtl), verb: REGISTER_VERB, style: 'positive', data: { ckexForm: form.id, ...(form.subject ? { ckexSubject: form.subject } : {}), lang } }] });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: L.cardVersion,
    ...(lang === 'ar' ? { rtl: true } : {}),
    lang,
    body,
    fallbackText: form.title,
    msteams: { width: 'Full' },
  };
}
