// Announcements end to end on Slack and Teams: an organiser writes one in a direct message (a form, a preview in
// each language, confirm); when its time comes an English, a French and an Arabic participant each get one direct
// message in their language, once, across a restart; the list shows it sent with its counts; nobody else can list
// or write them.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import type { Lang } from '../src/core/lang.js';
import type { Registration } from '../src/core/store/records.js';
import { NOW, slackDm, useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { slashCommand } from './helpers/slack-requests.js';

const e2e = useE2e({ env: { CKEX_ADMINS: 'UORG,29:org-teams', CKEX_FOCAL_POINTS: 'UFP:MENA' } });
const { slack, connector } = e2e;
const text = (x: unknown) => stripBidi(JSON.stringify(x));

let n = 0;
const registration = (userId: string, lang: Lang, status: Registration['status'] = 'confirmed'): Registration => {
  const id = `RAAAA${'23456789'[n++]}`;
  return { id, email: `${id.toLowerCase()}@example.org`, name: 'P', organisation: 'Ministry', country: 'MA', role: 'policymaker', institution: 'ministry', region: 'MENA', interpretation: 'fr', consentAt: NOW, lang, status, invited: true, userIds: [userId], createdAt: NOW, updatedAt: NOW };
};

const TEXTS = { en: 'The plenary moves to room B at 15:00.', fr: 'La plénière passe en salle B à 15 h.', ar: 'تنتقل الجلسة العامة إلى القاعة B الساعة 15:00.' };

describe('Slack', () => {
  it('an organiser writes one for later; at its time each confirmed participant gets it once in their language, across a restart', async () => {
    for (const [user, lang] of [['UEN', 'en'], ['UFR', 'fr'], ['UAR', 'ar']] as const) await e2e.server.store.saveRegistration(registration(`slack:T1:${user}`, lang));
    await e2e.server.store.saveRegistration(registration('slack:T1:UWAIT', 'en', 'pending'));
    const dm = slackDm(e2e, 'DUORG', 'UORG');
    expect(text((await dm('announce')).body)).toContain('Who is it for?');
    expect(text((await dm('1')).body)).toContain('The text in English?');
    await dm(TEXTS.en);
    await dm(TEXTS.fr);
    expect(text((await dm(TEXTS.ar)).body)).toContain('When should it go?');
    // 10:00 in Washington, the agenda's zone and the organiser's here: 11:00 is an hour from now.
    const preview = text((await dm('2021-05-04 11:00')).body);
    expect(preview).toContain('Announcement · preview');
    expect(preview).toContain(TEXTS.fr);
    expect(preview).toContain(TEXTS.ar);
    const confirmed = text((await dm('confirm')).body);
    expect(confirmed).toMatch(/Announcement A[0-9A-Z]{5} is scheduled for .*recipients now: 3/);
    const [stored] = await e2e.server.store.announcements(5);
    await e2e.server.running.scheduler.tick();
    expect(slack.of('chat.postMessage').filter((c) => ['UEN', 'UFR', 'UAR'].includes(c.body.channel))).toEqual([]);

    // Restarted before its time; then its time comes.
    await e2e.restart('2021-05-04T15:00:30Z');
    slack.calls.length = 0;
    await e2e.server.running.scheduler.tick();
    const received = () => slack.of('chat.postMessage').filter((c) => ['UEN', 'UFR', 'UAR', 'UWAIT'].includes(c.body.channel));
    expect(received().map((c) => c.body.channel).sort()).toEqual(['UAR', 'UEN', 'UFR']);
    const to = (user: string) => text(received().find((c) => c.body.channel === user)!.body);
    expect(to('UEN')).toContain(TEXTS.en);
    expect(to('UFR')).toContain(TEXTS.fr);
    expect(to('UAR')).toContain(TEXTS.ar);
    expect(to('UFR')).not.toContain(TEXTS.en);

    // Restarted again, and ticking: nobody gets it twice.
    await e2e.restart('2021-05-04T15:02:00Z');
    await e2e.server.running.scheduler.tick();
    await e2e.server.running.scheduler.tick();
    expect(received()).toHaveLength(3);
    expect(await e2e.server.store.announcement(stored!.id)).toMatchObject({ status: 'sent', sent: 3, unreachable: 0 });
    const list = text((await dm('announcements')).body);
    expect(list).toContain(stored!.id);
    expect(list).toContain('3 delivered, 0 unreachable');
  });

  it('a participant or a focal point cannot write or list announcements; nor can a channel see the list', async () => {
    for (const user of ['UEN', 'UFP']) {
      slack.calls.length = 0;
      await slashCommand(e2e.events, 'announcements', slack.responseUrl(user), user);
      const [answer] = await slack.waitFor('respond');
      expect(text(answer!.body)).toContain('organisers');
      expect(text(answer!.body)).not.toContain('plenary');
    }
    const dm = slackDm(e2e, 'DUFR', 'UFR');
    expect(text((await dm('annoncer')).body)).toContain('équipe organisatrice');
    expect(await e2e.server.store.form('slack:T1:UFR')).toBeUndefined();
  });
});

describe('Teams', () => {
  const say = (from: string, words: string, locale = 'en-US') => postActivity(e2e.server.url, teamsActivity(connector.url, { text: words, locale, from: { id: from, name: 'P' }, conversation: { id: `a:${from}`, conversationType: 'personal' } }));
  const reply = async (from: string, words: string, locale?: string) => {
    connector.calls.length = 0;
    await say(from, words, locale);
    return text((await connector.waitFor())[0]!.activity);
  };

  it('an organiser writes one in French, sent now; the three participants each get it once in their language', async () => {
    // Each participant has opened the bot's chat once: the bot can write to them.
    for (const [user, lang, locale] of [['29:pen', 'en', 'en-US'], ['29:pfr', 'fr', 'fr-FR'], ['29:par', 'ar', 'ar-SA']] as const) {
      await e2e.server.store.saveRegistration(registration(`teams:${user}`, lang));
      await reply(user, 'help', locale);
    }
    await e2e.server.store.saveRegistration(registration('teams:29:never', 'en'));
    expect(await reply('29:org-teams', 'annoncer', 'fr-FR')).toContain('À qui');
    expect(await reply('29:org-teams', 'région Afrique')).toContain('n’est pas une région');
    expect(await reply('29:org-teams', 'tous')).toContain('texte en anglais');
    await reply('29:org-teams', TEXTS.en);
    await reply('29:org-teams', TEXTS.fr);
    expect(await reply('29:org-teams', 'passer')).toContain('Quand');
    const preview = await reply('29:org-teams', 'maintenant');
    expect(preview).toContain('aperçu');
    expect(preview).toContain('إعلان (باللغة الإنجليزية، لم يُترجم بعد)');
    connector.calls.length = 0;
    await say('29:org-teams', 'confirmer');
    await e2e.server.running.scheduler.tick();
    const to = (user: string) => connector.calls.filter((c) => c.conversationId === `a:${user}`);
    await connector.waitForOne((c) => c.conversationId === 'a:29:par');
    expect(to('29:pen')).toHaveLength(1);
    expect(text(to('29:pen')[0]!.activity)).toContain(TEXTS.en);
    expect(text(to('29:pfr')[0]!.activity)).toContain(TEXTS.fr);
    // No Arabic text: the English one, marked as not translated, in an Arabic reply.
    expect(text(to('29:par')[0]!.activity)).toContain(TEXTS.en);
    expect(text(to('29:par')[0]!.activity)).toContain('لم يُترجم بعد');
    await e2e.restart(e2e.server.clock.now().plus({ minutes: 1 }).toISO()!);
    await e2e.server.running.scheduler.tick();
    expect(to('29:pen')).toHaveLength(1);
    expect(to('29:pfr')).toHaveLength(1);
    expect(to('29:par')).toHaveLength(1);
    // Someone who never opened the bot's chat cannot be written to: tried for an hour, then counted unreachable.
    expect(await reply('29:org-teams', 'annonces')).toContain('En cours d’envoi');
    e2e.server.clock.advance(61);
    await e2e.server.running.scheduler.tick();
    const list = await reply('29:org-teams', 'annonces');
    expect(list).toMatch(/Envoyée : \d+ remise\(s\), 1 injoignable\(s\)/);
  });

  it('me export holds the organiser’s announcements; me delete erases them', async () => {
    connector.calls.length = 0;
    await say('29:org-teams', 'me export');
    await connector.waitFor();
    expect((await e2e.server.store.announcementsBy('teams:29:org-teams')).length).toBe(1);
    await reply('29:org-teams', 'me delete confirm');
    expect(await e2e.server.store.announcementsBy('teams:29:org-teams')).toEqual([]);
  });
});
