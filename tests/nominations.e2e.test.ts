// Nominations end to end on Slack and Teams: a focal point nominates two people; the core team accepts one and
// declines the other from its list; the focal point is told in their language; the accepted person registers and
// is confirmed at once; nobody but the team sees anyone else’s nominations.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { submitRegistrationModal } from './helpers/slack-modal.js';
import { blockAction, slashCommand } from './helpers/slack-requests.js';

const e2e = useE2e({ env: { CKEX_ADMINS: 'UORG,29:org-teams', CKEX_FOCAL_POINTS: 'UFP:MENA,29:fp-teams:AFW' } });
const { slack, connector } = e2e;
const text = (x: unknown) => stripBidi(JSON.stringify(x));

/** A /ckex command, and what the user sees (the answer to the response_url). */
async function ckex(words: string, user: string): Promise<string> {
  slack.calls.length = 0;
  await slashCommand(e2e.events, words, slack.responseUrl(user), user);
  const [answer] = await slack.waitFor('respond');
  return text(answer!.body);
}

const press = (user: string, command: string, lang = 'en') =>
  blockAction(e2e.events, { user: { id: user }, channel: { id: `D${user}` }, container: { type: 'message', is_ephemeral: false }, response_url: slack.responseUrl(`b-${user}`), actions: [{ type: 'button', action_id: 'ckex_cmd_0', value: JSON.stringify({ c: command, l: lang }), action_ts: '1' }] });

const GOOD = { name: 'Amina Benali', email: 'amina@example.org', organisation: 'Ministry of Social Affairs', country: 'Morocco', role: 'policymaker', institution: 'ministry', region: 'MENA', nominatedBy: '', interpretation: 'fr', consent: 'yes' };

describe('Slack', () => {
  it('a focal point nominates for their region; bad input changes nothing and says why', async () => {
    await ckex('lang fr', 'UFP');
    expect(await ckex('proposer amina@example.org Amina Benali, omar@example.org', 'UFP')).toContain('2 propositions enregistrées pour la région Moyen-Orient');
    expect(await ckex('proposer AFW noor@example.org', 'UFP')).toContain('pas Afrique');
    expect(await ckex('proposer AFRICA noor@example.org', 'UFP')).toContain('AFRICA n’est pas une région');
    expect(await ckex('proposer noor@example, layla@example.org', 'UFP')).toContain('noor@example');
    expect(await e2e.server.store.nominationCount('pending')).toBe(2);
    expect(await ckex('proposer amina@example.org', 'UFP')).toContain('déjà été proposée');
    expect(await ckex('nominate someone@example.org', 'USTRANGER')).toContain('Only the regional focal points');
  });

  it('the core team sees the list and decides; the focal point is told in French each time', async () => {
    const list = await ckex('nominations MENA', 'UORG');
    expect(list).toContain('2 nominations waiting for Middle East');
    expect(list).toContain('nominated by focal point UFP');
    const waiting = await e2e.server.store.nominationsWithStatus('pending', 10);
    const amina = waiting.find((n) => n.email === 'amina@example.org');
    const omar = waiting.find((n) => n.email === 'omar@example.org');
    expect(list).toContain(`nominations accept ${amina!.id} list`);
    slack.calls.length = 0;
    await press('UORG', `nominations accept ${amina!.id} list`);
    const [told] = await slack.waitFor('chat.postMessage');
    expect(told!.body.channel).toBe('UFP');
    expect(text(told!.body)).toContain("L’équipe organisatrice a accepté votre proposition de Amina Benali");
    const [answer] = await slack.waitFor('respond');
    expect(answer!.body.replace_original).toBe(true);
    expect(text(answer!.body)).toContain('the focal point has been told');
    expect(text(answer!.body)).toContain('1 nomination waiting');
    slack.calls.length = 0;
    await press('UORG', `nominations decline ${omar!.id}`);
    const [declined] = await slack.waitFor('chat.postMessage');
    expect(text(declined!.body)).toContain('a refusé votre proposition de omar@example.org');
    // Pressed again (another organiser, another instance): decided once, nobody told twice.
    slack.calls.length = 0;
    await press('UORG', `nominations accept ${omar!.id}`);
    const [again] = await slack.waitFor('respond');
    expect(text(again!.body)).toContain('already declined');
    expect(slack.of('chat.postMessage')).toHaveLength(0);
    expect(await e2e.server.store.isInvited('amina@example.org')).toBe(true);
    expect(await e2e.server.store.isInvited('omar@example.org')).toBe(false);
  });

  it('the accepted person registers and is confirmed at once; the focal point sees what became of each', async () => {
    slack.users.set('UAMINA', { profile: { email: 'amina@example.org' } });
    await submitRegistrationModal(e2e.events, 'UAMINA', GOOD, 'en');
    expect((await e2e.server.store.registrationByEmail('amina@example.org'))?.status).toBe('confirmed');
    const mine = await ckex('mes propositions', 'UFP');
    expect(mine).toContain('Acceptée, personne inscrite');
    expect(mine).toContain('Refusée');
  });

  it('a focal point or participant cannot list anyone else’s nominations', async () => {
    expect(await ckex('nominations', 'UFP')).toContain('seule l’équipe organisatrice');
    expect(await ckex('nominations', 'UAMINA')).toContain('organisers');
    expect(await ckex('my nominations', 'UAMINA')).toContain('Only the regional focal points');
    // A Teams caller naming itself with the Slack focal point’s id is nobody’s focal point.
    await postActivity(e2e.server.url, teamsActivity(connector.url, { text: 'my nominations', from: { id: 'UFP' }, conversation: { id: 'a:fake', conversationType: 'personal' } }));
    const [reply] = await connector.waitFor();
    expect(text(reply!.activity)).toContain('Only the regional focal points');
    expect(text(reply!.activity)).not.toContain('amina');
  });
});

describe('Teams', () => {
  const say = (from: string, words: string, locale = 'en-US') => postActivity(e2e.server.url, teamsActivity(connector.url, { text: words, locale, from: { id: from, name: 'P' }, conversation: { id: `a:${from}`, conversationType: 'personal' } }));
  const invoke = (from: string, command: string) =>
    postActivity(e2e.server.url, teamsActivity(connector.url, { type: 'invoke', name: 'adaptiveCard/action', from: { id: from, name: 'P' }, conversation: { id: `a:${from}`, conversationType: 'personal' }, value: { action: { type: 'Action.Execute', verb: 'ckex', data: { ckex: command, lang: 'en' } } } }));

  it('a focal point nominates two people in Arabic; the team accepts one and declines one; they are told in Arabic', async () => {
    await say('29:fp-teams', 'ترشيح noor@example.org Noor Haddad، sara@example.org', 'ar-SA');
    const [recorded] = await connector.waitFor();
    expect(text(recorded!.activity)).toContain('سُجِّل ترشيحان');
    const noor = (await e2e.server.store.nominationsBy('teams:29:fp-teams')).find((n) => n.email === 'noor@example.org')!;
    const sara = (await e2e.server.store.nominationsBy('teams:29:fp-teams')).find((n) => n.email === 'sara@example.org')!;
    expect(noor.region).toBe('AFW');
    connector.calls.length = 0;
    const res = await invoke('29:org-teams', `nominations accept ${noor.id} list`);
    expect(res.status).toBe(200);
    const [told] = await connector.waitFor();
    expect(told!.conversationId).toBe('a:29:fp-teams');
    expect(text(told!.activity)).toContain('قبل الفريق المنظِّم ترشيحك');
    connector.calls.length = 0;
    await say('29:org-teams', `nominations decline ${sara.id}`);
    const calls = await connector.waitFor(2);
    expect(calls.some((c) => c.conversationId === 'a:29:fp-teams' && text(c.activity).includes('رفض الفريق المنظِّم ترشيحك'))).toBe(true);
  });

  it('the accepted person registers on Teams and is confirmed at once', async () => {
    connector.members.set('29:noor', { email: 'noor@example.org' });
    await postActivity(e2e.server.url, teamsActivity(connector.url, { type: 'invoke', name: 'adaptiveCard/action', from: { id: '29:noor' }, conversation: { id: 'a:29:noor', conversationType: 'personal' }, value: { action: { type: 'Action.Execute', verb: 'ckex-register', data: { ckexForm: 'registration', lang: 'en', ...GOOD, name: 'Noor Haddad', email: 'noor@example.org', country: 'Senegal', region: 'AFW' } } } }));
    expect((await e2e.server.store.registrationByEmail('noor@example.org'))?.status).toBe('confirmed');
  });

  it('the Teams focal point sees their own nominations only; `me export` holds them, `me delete` erases them', async () => {
    connector.calls.length = 0;
    await say('29:fp-teams', 'my nominations');
    const [mine] = await connector.waitFor();
    expect(text(mine!.activity)).toContain('noor@example.org');
    expect(text(mine!.activity)).not.toContain('amina@example.org');
    connector.calls.length = 0;
    await say('29:fp-teams', 'nominations');
    const [refused] = await connector.waitFor();
    expect(text(refused!.activity)).not.toContain('amina@example.org');
    connector.calls.length = 0;
    await say('29:fp-teams', 'me delete confirm');
    await connector.waitFor();
    expect(await e2e.server.store.nominationsBy('teams:29:fp-teams')).toEqual([]);
  });
});
