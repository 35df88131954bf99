// The registration modal's submission as Slack sends it, signed, for the end-to-end tests of every surface.
import { expect } from 'vitest';
import { signedPost } from './slack-requests.js';

/** view.state.values as Slack sends them: an untouched select has selected_option null, an unticked box no options. */
export function registrationViewState(values: Record<string, string>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(values)) {
    if (['role', 'institution', 'region', 'interpretation'].includes(id)) state[id] = { value: { type: 'static_select', selected_option: value ? { value } : null } };
    else if (id === 'consent' || id === 'regionConfirm') state[id] = { value: { type: 'checkboxes', selected_options: value ? [{ value: 'yes' }] : [] } };
    else state[id] = { value: { type: 'plain_text_input', value } };
  }
  return state;
}

let viewCounter = 0;
/** A signed submission of the registration modal (each with its own trigger and view, as Slack sends them); its ack's body. */
export async function submitRegistrationModal(url: string, user: string, values: Record<string, string>, lang = 'fr'): Promise<any> {
  const n = ++viewCounter;
  const payload = { type: 'view_submission', team: { id: 'T1' }, user: { id: user }, api_app_id: 'A1', token: 'legacy', trigger_id: `t${n}`, view: { id: `V${n}`, type: 'modal', callback_id: 'ckex_register', private_metadata: JSON.stringify({ lang }), state: { values: registrationViewState(values) } } };
  const res = await signedPost(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  const body = await res.text();
  return body ? JSON.parse(body) : {};
}
