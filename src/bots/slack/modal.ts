// The one-screen registration form as a Slack modal (Block Kit input blocks), its loading view, its
// confirmation view, and the reading of a view_submission back into field values.
import type { KnownBlock, View } from '@slack/types';
import type { FormFieldView, FormView, Reply } from '../../core/reply.js';
import { renderBlocks } from './render.js';
import { clip } from './limits.js';

export const REGISTER_CALLBACK = 'ckex_register';
const TITLE_MAX = 24; // Slack's limit for a modal title
const OPTIONS_MAX = 100;

const plain = (text: string, max = 3000) => ({ type: 'plain_text' as const, text: clip(text, max), emoji: true });

export function loadingModal(title: string, text: string): View {
  return { type: 'modal', callback_id: REGISTER_CALLBACK, title: plain(title, TITLE_MAX), blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

const PLACEHOLDER_MAX = 150;

function input(field: FormFieldView): KnownBlock {
  const common = { type: 'input' as const, block_id: field.id, optional: !field.required, label: plain(field.label, 2000), ...(field.help ? { hint: plain(field.help, 2000) } : {}) };
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, PLACEHOLDER_MAX) } : {};
  switch (field.kind) {
    case 'select': {
      const options = (field.options ?? []).slice(0, OPTIONS_MAX).map((o) => ({ text: plain(o.label, 75), value: o.value }));
      const initial = options.find((o) => o.value === field.value);
      return { ...common, element: { type: 'static_select', action_id: 'value', options, ...placeholder, ...(initial ? { initial_option: initial } : {}) } };
    }
    case 'toggle': {
      const option = { text: plain(field.option ?? field.label, 75), value: 'yes' };
      return { ...common, element: { type: 'checkboxes', action_id: 'value', options: [option], ...(field.value ? { initial_options: [option] } : {}) } };
    }
    case 'email':
      return { ...common, element: { type: 'email_text_input', action_id: 'value', ...placeholder, ...(field.value ? { initial_value: field.value } : {}) } };
    case 'text':
      return { ...common, element: { type: 'plain_text_input', action_id: 'value', ...placeholder, ...(field.max ? { max_length: field.max } : {}), ...(field.value ? { initial_value: field.value } : {}) } };
  }
}

export function formModal(form: FormView, cancelLabel: string, metadata: string): View {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: clip(form.intro, 3000) } }];
  if (form.notice) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(form.notice, 3000) }] });
  // A field's error in the view itself: only when the form is shown again by views.update (a submission answered
  // after its ack), since errors in an ack go beside the fields through response_action "errors".
  blocks.push(...form.fields.flatMap((f): KnownBlock[] => [input(f), ...(f.error ? [{ type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: clip(`⚠️ ${f.error}`, 3000) }] }] : [])]));
  return {
    type: 'modal',
    callback_id: REGISTER_CALLBACK,
    private_metadata: metadata,
    title: plain(form.title, TITLE_MAX),
    submit: plain(form.submitLabel, 24),
    close: plain(cancelLabel, 24),
    blocks,
  };
}

/** The confirmation shown in place of the form once it is saved. */
export function resultModal(title: string, reply: Reply, closeLabel: string): View {
  return { type: 'modal', callback_id: `${REGISTER_CALLBACK}_done`, title: plain(title, TITLE_MAX), close: plain(closeLabel, 24), blocks: renderBlocks(reply, { dateTokens: false }).filter((b) => b.type !== 'actions').slice(0, 100) };
}

type StateValue = { value?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] };

/** view.state.values → { fieldId: text } as the form validation expects. */
export function submittedValues(values: Record<string, Record<string, StateValue>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(values)) {
    const v = actions.value;
    if (!v) continue;
    out[blockId] = v.selected_option?.value ?? (v.selected_options ? (v.selected_options.length > 0 ? 'yes' : '') : v.value ?? '');
  }
  return out;
}
