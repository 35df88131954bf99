// Registration closed after the event, on the real surfaces: the Slack modal opened by /ckex register and a
// modal submitted late, the Teams card's submission; each says so and nothing is recorded.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { submitRegistrationModal } from './helpers/slack-modal.js';
import { slashCommand } from './helpers/slack-requests.js';

const e2e = useE2e({ now: '2021-05-27T13:00:00Z' });
const { slack } = e2e;
const text = (x: unknown) => stripBidi(JSON.stringify(x));
const GOOD = { name: 'Jean Dupont', email: 'jean@example.org', organisation: 'Ministère de la Solidarité', country: 'Sénégal', role: 'practitioner', institution: 'agency', region: 'AFW', nominatedBy: '', interpretation: 'fr', consent: 'yes' };

describe('registration after the event, end to end', () => {
  it('/ckex register opens a modal that says registration is closed, with no form in it', async () => {
    slack.users.set('UFR', { locale: 'fr-FR', tz: 'Europe/Paris' });
    await slashCommand(e2e.events, 'register', slack.responseUrl(), 'UFR');
    const [update] = await slack.waitFor('views.update');
    const view = update!.body.view;
    expect(view.blocks.filter((b: any) => b.type === 'input')).toEqual([]);
    expect(text(view)).toContain('Les inscriptions sont closes');
    expect(text(view)).toContain('CKEX_NOW=2021-05-03T14:00:00Z');
  });

  it('a Slack modal submitted after the end records nothing and says why', async () => {
    const ack = await submitRegistrationModal(e2e.events, 'ULATE', GOOD);
    expect(text(ack)).toContain('Les inscriptions sont closes');
    expect(await e2e.server.store.registrationByEmail('jean@example.org')).toBeUndefined();
  });

  it('a Teams card submitted after the end records nothing and says why', async () => {
    const res = await postActivity(
      e2e.server.url,
      teamsActivity(e2e.connector.url, { from: { id: '29:late', aadObjectId: 'aad-late' }, conversation: { id: 'a:late', conversationType: 'personal' }, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'ckex-register', data: { ckexForm: 'registration', lang: 'en', ...GOOD, email: 'late@example.org' } } } }),
    );
    expect(text(await res.json())).toContain('Registration is closed');
    expect(await e2e.server.store.registrationByEmail('late@example.org')).toBeUndefined();
  });
});
