// Registration end to end: the Slack modal and a Slack DM conversation, the Teams card and a Teams conversation,
// the organisers' notice with its buttons, and the participant told in chat.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { cardProblems } from './helpers/adaptive-cards.js';
import { slackDm, useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { submitRegistrationModal } from './helpers/slack-modal.js';
import { blockAction, slashCommand } from './helpers/slack-requests.js';

const e2e = useE2e({ env: { CKEX_ADMINS: 'UORG', CKEX_ORGANISERS_CHANNEL: 'slack:CORG' } });
const { slack, connector } = e2e;

const text = (x: unknown) => stripBidi(JSON.stringify(x));
const GOOD = { name: 'Jean Dupont', email: 'jean@example.org', organisation: 'Ministère de la Solidarité', country: 'Sénégal', role: 'practitioner', institution: 'agency', region: 'AFW', nominatedBy: '', interpretation: 'fr', consent: 'yes' };

const submitModal = (user: string, values: Record<string, string>, lang = 'fr') => submitRegistrationModal(e2e.events, user, values, lang);

describe('Slack', () => {
  it('/ckex register opens a loading modal at once, then the form in the user’s language', async () => {
    slack.users.set('UFR', { locale: 'fr-FR', tz: 'Europe/Paris' });
    await slashCommand(e2e.events, 'register', slack.responseUrl(), 'UFR');
    const [open] = await slack.waitFor('views.open');
    expect(open!.body.trigger_id).toBe('1.2.3');
    const [update] = await slack.waitFor('views.update');
    const view = update!.body.view;
    expect(view.callback_id).toBe('ckex_register');
    expect(view.blocks.filter((b: any) => b.type === 'input').map((b: any) => b.block_id)).toEqual(['name', 'email', 'organisation', 'country', 'role', 'institution', 'region', 'regionConfirm', 'nominatedBy', 'interpretation', 'consent']);
    expect(text(view)).toContain('Inscription');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(slack.of('respond')).toHaveLength(0);
  });

  it('the Home tab’s Register button and `register form` in a DM open the modal too', async () => {
    await blockAction(e2e.events, { user: { id: 'UHOME' }, view: { type: 'home', id: 'VH' }, container: { type: 'view', view_id: 'VH' }, actions: [{ type: 'button', action_id: 'ckex_cmd_0', value: JSON.stringify({ c: 'register', l: 'en' }), action_ts: '1' }] });
    await slack.waitFor('views.update');
    slack.calls.length = 0;
    await blockAction(e2e.events, { user: { id: 'UDM' }, channel: { id: 'DUDM' }, container: { type: 'message', is_ephemeral: false }, response_url: slack.responseUrl('dm'), actions: [{ type: 'button', action_id: 'ckex_cmd_0', value: JSON.stringify({ c: 'register form', l: 'en' }), action_ts: '1' }] });
    const [update] = await slack.waitFor('views.update');
    expect(update!.body.view.callback_id).toBe('ckex_register');
  });

  it('a submission with mistakes comes back with errors on the right fields, and saves nothing', async () => {
    const body = await submitModal('UFR', { ...GOOD, email: 'jean', country: 'Congo', consent: '' });
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['consent', 'country', 'email']);
    expect(await e2e.server.store.registrationByEmail('jean@example.org')).toBeUndefined();
  });

  it('a valid submission is saved, confirmed in the modal, and the organisers are told with buttons', async () => {
    const body = await submitModal('UFR', GOOD);
    expect(body.response_action).toBe('update');
    expect(text(body.view)).toContain('Inscription reçue');
    const saved = (await e2e.server.store.registrationByEmail('jean@example.org'))!;
    expect(saved).toMatchObject({ country: 'SN', status: 'pending', lang: 'fr', userIds: ['slack:T1:UFR'] });
    const [notice] = await slack.waitFor('chat.postMessage');
    expect(notice!.body.channel).toBe('CORG');
    expect(text(notice!.body.blocks)).toContain(`approve ${saved.id} notice`);
  });

  it('an organiser approves from the notice; the participant is told in their language by DM', async () => {
    const saved = (await e2e.server.store.registrationByEmail('jean@example.org'))!;
    await blockAction(e2e.events, {
      user: { id: 'UORG' },
      container: { type: 'message', is_ephemeral: false },
      channel: { id: 'CORG' },
      response_url: slack.responseUrl('org'),
      actions: [{ type: 'button', action_id: 'ckex_cmd_0', value: JSON.stringify({ c: `approve ${saved.id} notice`, l: 'en' }), action_ts: '1' }],
    });
    const [told] = await slack.waitFor('chat.postMessage');
    expect(told!.body.channel).toBe('UFR');
    expect(text(told!.body.blocks)).toContain('est confirmée');
    // The notice in the organisers' channel is replaced, for every organiser, by the decision.
    const [answer] = await slack.waitFor('respond');
    expect(answer!.body).toMatchObject({ replace_original: true, response_type: 'in_channel' });
    expect(text(answer!.body.blocks)).toContain('the participant has been told');
    expect(text(answer!.body.blocks)).toContain(`Registration ${saved.id}: Confirmed`);
    expect(text(answer!.body.blocks)).not.toContain(`approve ${saved.id}`);
    expect((await e2e.server.store.registration(saved.id))?.status).toBe('confirmed');
  });

  it('anyone else pressing approve is refused', async () => {
    const saved = (await e2e.server.store.registrationByEmail('jean@example.org'))!;
    await blockAction(e2e.events, { user: { id: 'UNOBODY' }, container: { type: 'message', is_ephemeral: false }, channel: { id: 'CORG' }, response_url: slack.responseUrl('x'), actions: [{ type: 'button', action_id: 'ckex_cmd_1', value: JSON.stringify({ c: `decline ${saved.id}` }), action_ts: '1' }] });
    const [answer] = await slack.waitFor('respond');
    expect(text(answer!.body.blocks)).toContain('only the organisers');
    expect((await e2e.server.store.registration(saved.id))?.status).toBe('confirmed');
  });

  it('registers through a DM conversation, one question at a time', async () => {
    const dm = slackDm(e2e, 'DAR', 'UAR');
    const say = async (t: string) => text((await dm(t)).body.blocks);
    expect(await say('تسجيل')).toContain('السؤال 1 من 10');
    for (const a of ['سارة علي', 'sara@example.org', 'وزارة العمل', 'مصر', '1', '1', 'نعم', 'تخطي', '1']) await say(a);
    expect(await say('نعم')).toContain('sara@example.org');
    const done = await say('تأكيد');
    expect(done).toMatch(/R[0-9A-Z]{5}/);
    expect(await e2e.server.store.registrationByEmail('sara@example.org')).toMatchObject({ country: 'EG', region: 'MENA', lang: 'ar' });
  });
});

describe('Teams', () => {
  const say = (fields: Record<string, any>) => postActivity(e2e.server.url, teamsActivity(connector.url, { from: { id: '29:teams-user', aadObjectId: 'aad-1' }, conversation: { id: 'a:teams-user', conversationType: 'personal' }, ...fields }));
  const invoke = (data: Record<string, unknown>) => say({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'ckex-register', data } } });

  it('register form shows the card form, which the adaptivecards renderer parses cleanly', async () => {
    await say({ text: 'register form', locale: 'ar-EG' });
    const [call] = await connector.waitFor();
    const card = call!.activity.attachments[0].content;
    expect(card.rtl).toBe(true);
    const inputs = card.body.filter((e: any) => e.type.startsWith('Input.'));
    expect(inputs.map((e: any) => e.id)).toEqual(['name', 'email', 'organisation', 'country', 'role', 'institution', 'region', 'regionConfirm', 'nominatedBy', 'interpretation', 'consent']);
    expect(inputs.find((e: any) => e.id === 'email').regex).toBeDefined();
    expect(inputs.find((e: any) => e.id === 'name').isRequired).toBe(true);
    expect(cardProblems(card)).toEqual([]);
  });

  it('a submission with mistakes returns the same card with the messages shown', async () => {
    const res = await invoke({ ckexForm: 'registration', lang: 'en', ...GOOD, email: 'nope', consent: '' });
    const body = (await res.json()) as any;
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const errors = body.value.body.filter((e: any) => e.color === 'Attention').map((e: any) => e.text);
    expect(errors).toHaveLength(2);
    expect(body.value.body.find((e: any) => e.id === 'name').value).toBe('Jean Dupont');
    expect(cardProblems(body.value)).toEqual([]);
  });

  it('a valid submission is saved and confirmed in place', async () => {
    const res = await invoke({ ckexForm: 'registration', lang: 'en', ...GOOD, email: 'teams@example.org' });
    const body = (await res.json()) as any;
    expect(text(body.value)).toContain('Registration received');
    expect(await e2e.server.store.registrationByEmail('teams@example.org')).toMatchObject({ userIds: ['teams:29:teams-user'] });
  });

  it('registers through a personal chat conversation', async () => {
    const chat = (fields: Record<string, any>) => say({ from: { id: '29:ana' }, conversation: { id: 'a:ana', conversationType: 'personal' }, ...fields });
    const answers = ['register', 'Ana Lima', 'ana@example.org', 'Secretaria', 'Brésil', '3', '4', 'LAC', 'skip', 'none', 'oui', 'confirmer'];
    for (const t of answers) {
      connector.calls.length = 0;
      await chat({ text: t, locale: 'fr-FR' });
      await connector.waitFor();
    }
    expect(text(connector.calls[0]!.activity.attachments[0].content)).toContain('Inscription reçue');
    expect(await e2e.server.store.registrationByEmail('ana@example.org')).toMatchObject({ country: 'BR', region: 'LAC' });
  });
});
