// Following up on Slack: organisers list the invited or accepted emails nobody registered, by region; a round of
// reminders goes once to each of them Slack finds by email, in their language if they chose one, else in English
// with the command words of all three; the others are listed, not messaged; nobody else sees the list.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import type { Registration } from '../src/core/store/records.js';
import { NOW, useE2e } from './helpers/e2e.js';
import { slashCommand } from './helpers/slack-requests.js';

const e2e = useE2e({ env: { CKEX_ADMINS: 'UORG', CKEX_FOCAL_POINTS: 'UFP:MENA' } });
const { slack } = e2e;
const text = (x: unknown) => stripBidi(JSON.stringify(x));

async function ckex(words: string, user: string): Promise<string> {
  slack.calls.length = 0;
  await slashCommand(e2e.events, words, slack.responseUrl(user), user);
  const [answer] = await slack.waitFor('respond');
  return text(answer!.body);
}

const amina: Registration = { id: 'RAAAA2', email: 'amina@example.org', name: 'Amina', organisation: 'Ministry', country: 'MA', role: 'policymaker', institution: 'ministry', region: 'MENA', interpretation: 'fr', consentAt: NOW, lang: 'en', status: 'confirmed', invited: true, userIds: ['slack:T1:UAMINA'], createdAt: NOW, updatedAt: NOW };

describe('following up the invited who have not registered', () => {
  it('lists them by region for organisers only', async () => {
    const { store } = e2e.server;
    await store.addInvites(['bee@example.org', 'amina@example.org', 'teamsy@example.org'], 'slack:T1:UORG');
    await store.addNominations([{ id: 'NAAAA2', email: 'nadia@example.org', region: 'MENA', focalPoint: 'slack:T1:UFP', lang: 'fr', status: 'pending', createdAt: NOW }]);
    await store.decideNomination('NAAAA2', 'accepted', 'slack:T1:UORG', NOW);
    await store.saveRegistration(amina);
    const list = await ckex('not registered', 'UORG');
    expect(list).toContain('Invited, not registered yet: 3');
    expect(list).toContain('Middle East');
    expect(list).toContain('nadia@example.org');
    expect(list).toContain('bee@example.org\\nteamsy@example.org');
    expect(list).not.toContain('amina@example.org');
    expect(await ckex('non inscrits', 'UORG')).toContain('pas encore inscrits : 3');
    for (const user of ['UFP', 'UAMINA']) {
      const refused = await ckex('not registered', user);
      expect(refused).toContain('organis');
      expect(refused).not.toContain('example.org');
    }
  });

  it('reminds each one Slack finds once per round, in their language, and lists the others', async () => {
    slack.users.set('UBEE', { profile: { email: 'bee@example.org' } });
    slack.users.set('UNADIA', { profile: { email: 'Nadia@Example.org' } });
    await e2e.server.store.updateUser('slack:T1:UNADIA', { lang: 'fr' });
    const answer = await ckex('remind not registered', 'UORG');
    expect(answer).toMatch(/Round A[0-9A-Z]{5}: a reminder to register is going .*recipients now: 2/);
    expect(answer).toContain('Listed, not messaged: 1');
    expect(answer).toContain('teamsy@example.org');
    expect(slack.of('users.lookupByEmail').length).toBeGreaterThanOrEqual(3);
    slack.calls.length = 0;
    await e2e.server.running.scheduler.tick();
    const to = (user: string) => slack.of('chat.postMessage').filter((c) => c.body.channel === user);
    expect(to('UBEE')).toHaveLength(1);
    expect(text(to('UBEE')[0]!.body)).toContain('Type register here to register (in French: inscription; in Arabic: تسجيل)');
    expect(text(to('UNADIA')[0]!.body)).toContain('Tapez inscription ici');
    await e2e.restart(NOW);
    await e2e.server.running.scheduler.tick();
    expect(to('UBEE')).toHaveLength(1);
    expect(to('UNADIA')).toHaveLength(1);
    expect(await ckex('announcements', 'UORG')).toContain('Invited people not registered yet');
  });

  it('bad words change nothing; another round in French and Arabic', async () => {
    const before = (await e2e.server.store.announcements(10)).length;
    expect(await ckex('remind not signed', 'UORG')).toContain('remind not registered');
    expect((await e2e.server.store.announcements(10)).length).toBe(before);
    expect(await ckex('relancer non inscrits', 'UORG')).toContain('Relance A');
    expect(await ckex('تذكير غير المسجلين', 'UORG')).toContain('الجولة A');
  });
});
