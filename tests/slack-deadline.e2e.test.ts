// Issue 26, as a Slack user sees it: a command, a button or a registration modal is always acknowledged within the
// budget from its arrival (here SLACK_ACK_BUDGET_MS=300, Slack's window being 3 s); what was not ready by then is sent
// afterwards, through response_url (a modal: views.update), in the user's language. The store and the Web API are
// slowed by holding their answers, never by timing: the tests assert on what was sent.
import { afterEach, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { useE2e } from './helpers/e2e.js';
import { submitRegistrationModal } from './helpers/slack-modal.js';
import { blockAction, signedPost, slashCommandBody } from './helpers/slack-requests.js';
import { gateStore, type StoreGate } from './helpers/slow-store.js';

const e2e = useE2e({ env: { SLACK_ACK_BUDGET_MS: '300' } });
const { slack } = e2e;
const text = (x: unknown) => stripBidi(JSON.stringify(x));
const GOOD = { name: 'Jean Dupont', email: 'jean@example.org', organisation: 'Ministère de la Solidarité', country: 'Sénégal', role: 'practitioner', institution: 'agency', region: 'AFW', nominatedBy: '', interpretation: 'fr', consent: 'yes' };

let gate: StoreGate | undefined;
const slowStore = () => (gate ??= gateStore(e2e.server.store));
afterEach(() => gate?.open());

const command = (words: string, responseUrl: string, user: string) => signedPost(e2e.events, slashCommandBody(words, responseUrl, user), 'application/x-www-form-urlencoded');

describe('a slow store: acknowledged at the budget, answered after', () => {
  it('/ckex today: the ack is empty, and the answer comes through response_url in the user’s language', async () => {
    slack.users.set('USLOWFR', { locale: 'fr-FR', tz: 'Europe/Paris' });
    slowStore().shut();
    const res = await command('today', slack.responseUrl('slow-today'), 'USLOWFR');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(''); // acknowledged while the store still held the answer
    expect(slack.of('respond')).toHaveLength(0);
    slowStore().open();
    const answer = await slack.waitForOne('respond', (c) => c.body.response_type === 'ephemeral');
    expect(text(answer.body.blocks)).toContain('Mardi 4 mai 2021');
    expect(answer.body.replace_original).toBe(false);
  });

  it('a registration modal shows “working on it” in its language at the budget, then the confirmation', async () => {
    slowStore().shut();
    const acked = await submitRegistrationModal(e2e.events, 'USLOWREG', GOOD, 'fr');
    expect(acked.response_action).toBe('update');
    expect(text(acked.view)).toContain('Un instant');
    expect(slack.of('views.update')).toHaveLength(0);
    slowStore().open();
    const [update] = await slack.waitFor('views.update');
    expect(update!.body.view_id).toMatch(/^V\d+$/);
    expect(text(update!.body.view)).toContain('Inscription reçue');
    expect(await e2e.server.store.registrationByEmail('jean@example.org')).toMatchObject({ country: 'SN', userIds: ['slack:T1:USLOWREG'] });
  });

  it('a late submission with mistakes comes back as the form with its values and each error under its field', async () => {
    slack.calls.length = 0;
    slowStore().shut();
    const acked = await submitRegistrationModal(e2e.events, 'USLOWBAD', { ...GOOD, email: 'jean', consent: '' }, 'en');
    expect(text(acked.view)).toContain('Working on it');
    slowStore().open();
    const [update] = await slack.waitFor('views.update');
    const view = update!.body.view;
    expect(view.callback_id).toBe('ckex_register');
    const blocks = view.blocks as { type: string; block_id?: string; element?: { initial_value?: string }; elements?: { text: string }[] }[];
    const after = (id: string) => blocks[blocks.findIndex((b) => b.block_id === id) + 1]!;
    expect(after('email').type).toBe('context');
    expect(after('consent').type).toBe('context');
    expect(after('name').type).toBe('input'); // no error, no line
    expect(blocks.find((b) => b.block_id === 'name')!.element!.initial_value).toBe('Jean Dupont');
    expect(await e2e.server.store.registrationByEmail('jean@example.org')).toMatchObject({ userIds: ['slack:T1:USLOWREG'] }); // unchanged
  });
});

describe('a slow Slack Web API: users.info never costs the ack', () => {
  it('a first-seen user’s /ckex today is answered in the ack with the defaults while users.info is held', async () => {
    slack.hold('users.info');
    try {
      const res = await command('today', slack.responseUrl('held-profile'), 'UHELD');
      const body = (await res.json()) as { response_type: string; blocks: unknown[] };
      expect(body.response_type).toBe('ephemeral');
      expect(text(body.blocks)).toContain('Tuesday, 4 May 2021');
      expect(slack.of('users.info').map((c) => c.body.user)).toContain('UHELD');
    } finally {
      slack.release('users.info');
    }
  });

  it('a button acks at once and answers through response_url, also while users.info is held', async () => {
    slack.hold('users.info');
    try {
      const res = await blockAction(e2e.events, { user: { id: 'UBUTTON' }, channel: { id: 'C1' }, container: { type: 'message', is_ephemeral: true }, response_url: slack.responseUrl('button'), actions: [{ type: 'button', action_id: 'ckex_cmd_0', value: JSON.stringify({ c: 'today', l: 'en' }), action_ts: '1' }] });
      expect(res.status).toBe(200);
      const answer = await slack.waitForOne('respond', (c) => c.body.replace_original === true);
      expect(text(answer.body.blocks)).toContain('Tuesday, 4 May 2021');
    } finally {
      slack.release('users.info');
    }
  });
});
