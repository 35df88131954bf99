// The one-screen registration form as an Adaptive Card: the same fields as the chat form, client-side
// isRequired/regex where the card can check, and server-side errors shown under their field.
import type { FormFieldView, FormView } from '../../core/reply.js';
import type { Lang } from '../../core/content/schema.js';
import { TEAMS_LIMITS as L } from './limits.js';
import type { AdaptiveCard, CardElement } from './render.js';

export const REGISTER_VERB = 'ckex-register';
const EMAIL_REGEX = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

function input(field: FormFieldView): CardElement {
  const common = { id: field.id, label: field.label, isRequired: field.required, ...(field.required ? { errorMessage: field.help ?? field.label } : {}) };
  switch (field.kind) {
    case 'select':
      return { ...common, type: 'Input.ChoiceSet', style: 'compact', choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value })), ...(field.value ? { value: field.value } : {}) };
    case 'toggle':
      return { ...common, type: 'Input.Toggle', title: field.label, valueOn: 'yes', valueOff: '', value: field.value === 'yes' ? 'yes' : '' };
    case 'email':
      return { ...common, type: 'Input.Text', style: 'Email', regex: EMAIL_REGEX, ...(field.max ? { maxLength: field.max } : {}), ...(field.value ? { value: field.value } : {}) };
    case 'text':
      return { ...common, type: 'Input.Text', ...(field.max ? { maxLength: field.max } : {}), ...(field.value ? { value: field.value } : {}) };
  }
}

export function formCard(form: FormView, lang: Lang): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: form.title, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: form.intro, wrap: true },
  ];
  if (form.notice) body.push({ type: 'TextBlock', text: form.notice, wrap: true, isSubtle: true, size: 'Small' });
  for (const field of form.fields) {
    body.push(input(field));
    if (field.error) body.push({ type: 'TextBlock', text: field.error, color: 'Attention', wrap: true, size: 'Small', spacing: 'None' });
  }
  body.push({ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: form.submitLabel, verb: REGISTER_VERB, style: 'positive', data: { ckexForm: form.id, lang } }] });
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
