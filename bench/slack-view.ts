// Signed view_submission requests of the registration modal (callback_id ckex_register), as Slack sends them
// (after tests/faults.test.ts): block ids are the form's field ids, every element's action id is `value`.
import { signedRequest } from './slack-sign.js';

const COUNTRIES = ['Morocco', 'Maroc', 'المغرب', 'Kenya', 'Peru', 'Indonesia', 'Jordan', 'Senegal'];
/** Each country's own region (content/country-regions.json): another one asks the user to confirm it. */
const REGION_OF = ['MENA', 'MENA', 'MENA', 'AFE', 'LAC', 'EAP', 'MENA', 'AFW'];
const ROLES = ['policymaker', 'analyst', 'researcher', 'practitioner', 'other'];
const INSTITUTIONS = ['ministry', 'agency', 'public', 'private', 'partner', 'other'];
const INTERPRETATION = ['ar', 'fr', 'none'];

/** The email of registration `i` (distinct for each i; `run` keeps runs apart). */
export const registrationEmail = (run: string, i: number): string => `p${i}.${run}@example.org`;

/** A complete, valid registration `i` from Slack user U…i, signed now. */
export function registrationRequest(run: string, i: number): { headers: Record<string, string>; body: string } {
  const values: Record<string, Record<string, unknown>> = {};
  const text = { name: `Participant ${i}`, email: registrationEmail(run, i), organisation: `Ministry of Social Affairs ${i % 97}`, country: COUNTRIES[i % COUNTRIES.length]!, nominatedBy: i % 3 === 0 ? `Nominator ${i}` : '' };
  for (const [id, value] of Object.entries(text)) values[id] = { value: { type: 'plain_text_input', value } };
  const choices = { role: ROLES[i % ROLES.length]!, institution: INSTITUTIONS[i % INSTITUTIONS.length]!, region: REGION_OF[i % COUNTRIES.length]!, interpretation: INTERPRETATION[i % INTERPRETATION.length]! };
  for (const [id, value] of Object.entries(choices)) values[id] = { value: { type: 'static_select', selected_option: { value } } };
  values.consent = { value: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } };
  const payload = {
    type: 'view_submission',
    team: { id: 'T1', domain: 'ckex' },
    user: { id: `UREG${run.toUpperCase()}${i}`, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: `${i}.1.2`,
    view: { id: `V${i}`, type: 'modal', callback_id: 'ckex_register', private_metadata: '{"lang":"en"}', state: { values } },
  };
  return signedRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
}
