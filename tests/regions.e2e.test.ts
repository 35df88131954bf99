// The region on every surface: registering from Kenya proposes AFE and from Senegal AFW, in English, French and
// Arabic, in the console, a Slack DM and modal, a Teams chat and card.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { cardProblems } from './helpers/adaptive-cards.js';
import { tempDir } from './helpers/bot.js';
import { slackDm, useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { submitRegistrationModal } from './helpers/slack-modal.js';

const e2e = useE2e();
const { connector } = e2e;

const text = (x: unknown) => stripBidi(JSON.stringify(x));
const form = (email: string, country: string, region = '') => ({ name: 'Participant Name', email, organisation: 'Ministry', country, role: 'practitioner', institution: 'agency', region, nominatedBy: '', interpretation: 'fr', consent: 'yes' });

describe('Slack', () => {
  const submitModal = (user: string, values: Record<string, string>, lang: string) => submitRegistrationModal(e2e.events, user, values, lang);

  it('the modal takes Kenya with the region left empty as AFE, and shows it in the confirmation', async () => {
    const body = await submitModal('UKE', { ...form('kenya.slack@example.org', 'Kenya'), regionConfirm: '' }, 'fr');
    expect(body.response_action).toBe('update');
    expect(text(body.view)).toContain("Afrique de l’Est et australe (AFE)");
    expect((await e2e.server.store.registrationByEmail('kenya.slack@example.org'))?.region).toBe('AFE');
  });

  it('the modal refuses Senegal with MENA on the region field until the box under it is ticked', async () => {
    const values = form('senegal.slack@example.org', 'Senegal', 'MENA');
    const refused = await submitModal('USN', { ...values, regionConfirm: '' }, 'en');
    expect(refused.response_action).toBe('errors');
    expect(Object.keys(refused.errors)).toEqual(['region']);
    expect(refused.errors.region).toContain('The region of your country (Senegal) is Western and Central Africa (AFW)');
    expect(await e2e.server.store.registrationByEmail('senegal.slack@example.org')).toBeUndefined();
    const kept = await submitModal('USN', { ...values, regionConfirm: 'yes' }, 'en');
    expect(kept.response_action).toBe('update');
    expect((await e2e.server.store.registrationByEmail('senegal.slack@example.org'))?.region).toBe('MENA');
  });

  it('a DM conversation in French from Kenya proposes AFE and takes oui', async () => {
    const dm = slackDm(e2e, 'DKE', 'UKEDM');
    const say = async (t: string) => text((await dm(t)).body.blocks);
    await say('lang fr');
    for (const a of ['inscription', 'Wanjiru Kamau', 'wanjiru@example.org', 'Ministère du Travail', 'Kenya', '1']) await say(a);
    const question = await say('1');
    expect(question).toContain("votre région de la Banque mondiale est la région Afrique de l’Est et australe (AFE)");
    expect(await say('oui')).toContain('question 8 sur 10');
    for (const a of ['passer', 'aucune', 'oui']) await say(a);
    await say('confirmer');
    expect(await e2e.server.store.registrationByEmail('wanjiru@example.org')).toMatchObject({ country: 'KE', region: 'AFE' });
  });
});

describe('Teams', () => {
  const say = (fields: Record<string, any>) => postActivity(e2e.server.url, teamsActivity(connector.url, { from: { id: '29:region-user', aadObjectId: 'aad-region' }, conversation: { id: 'a:region-user', conversationType: 'personal' }, ...fields }));
  const invoke = (data: Record<string, unknown>) => say({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'ckex-register', data } } });

  it('the card shows the region as optional with the box under it, and parses cleanly', async () => {
    await say({ text: 'register form', locale: 'fr-FR' });
    const [call] = await connector.waitFor();
    const card = call!.activity.attachments[0].content;
    const region = card.body.find((e: any) => e.id === 'region');
    expect(region.isRequired).toBe(false);
    expect(region.choices.map((c: any) => c.value)).toEqual(['AFE', 'AFW', 'EAP', 'ECA', 'LAC', 'MENA', 'SAR']);
    expect(region.choices[1].title).toBe("Afrique de l’Ouest et du Centre (AFW)");
    expect(card.body.find((e: any) => e.id === 'regionConfirm')).toMatchObject({ type: 'Input.Toggle', valueOn: 'yes' });
    expect(cardProblems(card)).toEqual([]);
  });

  it('the card takes Senegal in Arabic with the region left empty as AFW', async () => {
    const res = await invoke({ ckexForm: 'registration', lang: 'ar', ...form('senegal.teams@example.org', 'السنغال'), regionConfirm: '' });
    const body = (await res.json()) as any;
    expect(text(body.value)).toContain('غرب ووسط أفريقيا (AFW)');
    expect((await e2e.server.store.registrationByEmail('senegal.teams@example.org'))?.region).toBe('AFW');
  });

  it('the card returns Kenya with SAR with the message under the region, then keeps SAR once the box is ticked', async () => {
    const values = { ckexForm: 'registration', lang: 'en', ...form('kenya.teams@example.org', 'Kenya', 'SAR') };
    const refused = (await (await invoke({ ...values, regionConfirm: '' })).json()) as any;
    const errors = refused.value.body.filter((e: any) => e.color === 'Attention').map((e: any) => e.text);
    expect(errors).toEqual([expect.stringContaining('The region of your country (Kenya) is Eastern and Southern Africa (AFE). To record South Asia (SAR) instead')]);
    expect(cardProblems(refused.value)).toEqual([]);
    await invoke({ ...values, regionConfirm: 'yes' });
    expect((await e2e.server.store.registrationByEmail('kenya.teams@example.org'))?.region).toBe('SAR');
  });

  it('a personal chat in Arabic from Senegal proposes AFW and takes نعم', async () => {
    const chat = async (t: string) => {
      connector.calls.length = 0;
      await say({ from: { id: '29:awa' }, conversation: { id: 'a:awa', conversationType: 'personal' }, text: t, locale: 'ar-SN' });
      const [call] = await connector.waitFor();
      return text(call!.activity);
    };
    for (const a of ['تسجيل', 'عوا ديوب', 'awa.teams@example.org', 'وزارة التضامن', 'السنغال', '1']) await chat(a);
    expect(await chat('1')).toContain('منطقتك حسب تصنيف البنك الدولي هي منطقة غرب ووسط أفريقيا (AFW)');
    expect(await chat('نعم')).toContain('السؤال 8 من 10');
    for (const a of ['تخطي', '1', 'نعم', 'تأكيد']) await chat(a);
    expect(await e2e.server.store.registrationByEmail('awa.teams@example.org')).toMatchObject({ country: 'SN', region: 'AFW' });
  });
});

describe('console', () => {
  it('registering from Kenya in English proposes AFE and takes yes', async () => {
    const lines = ['register', 'Amina Odhiambo', 'amina.console@example.org', 'Ministry of Labour', 'Kenya', '1', '1', 'yes', 'skip', 'none', 'yes', 'confirm', 'me'];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/chat.ts'], { env: { ...process.env, NODE_ENV: 'production', LANG: 'C.UTF-8', CKEX_NOW: '2021-05-04T14:00:00Z', DATA_DIR: tempDir() }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stdin.end(`${lines.join('\n')}\n`);
    await new Promise((resolve) => child.on('close', resolve));
    expect(stdout).toContain('Your World Bank region is Eastern and Southern Africa (AFE), the region of your country (Kenya)');
    expect(stdout).toContain('World Bank region: Eastern and Southern Africa (AFE)');
    expect(stdout).toContain('Registration received');
  });
});
