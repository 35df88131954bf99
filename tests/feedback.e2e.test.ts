// Feedback after a session (issue 25) end to end, through the real protocols. A French-speaking Slack user stars
// w1-d2-a, an Arabic-speaking Teams user asks in it, a third Slack user does neither. Five minutes after it ends
// (12:30–14:00Z) each of the first two gets one prompt in their language, across a restart, the third none; the
// Slack user answers by typing « quatre », the Teams user through the card's form; the organiser's report shows 2
// responses, the average and the bars; a second answer replaces the first; the one who came without starring
// answers through the Slack modal; `me delete` removes the person's feedback.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import type { SlackCall } from './helpers/fake-slack.js';
import { eventCallback, signedPost } from './helpers/slack-requests.js';

const SLACK_USER = 'UFR';
const SLACK_DM = 'DFR';
const OTHER = 'USARA';
const ORG = 'UORG';
const TEAMS_USER = '29:ar-user';
const TEAMS_CHAT = 'a:personal-ar';

const e2e = useE2e({ now: '2021-05-04T12:00:00Z', env: { CKEX_ADMINS: ORG } });
const { slack, connector } = e2e;
slack.users.set(SLACK_USER, { tz: 'Europe/Paris', locale: 'fr-FR' });

const text = (x: unknown): string => stripBidi(JSON.stringify(x)).replace(/[\u202f\u00a0]/g, ' ');
let ts = 0;

async function slackDm(words: string, user = SLACK_USER, channel = SLACK_DM): Promise<SlackCall> {
  const before = slack.of('chat.postMessage').length;
  const t = `1620129600.${String(++ts).padStart(6, '0')}`;
  const res = await eventCallback(e2e.events, { type: 'message', channel_type: 'im', channel, user, text: words, ts: t, event_ts: t });
  expect(res.status).toBe(200);
  return (await slack.waitFor('chat.postMessage', before + 1)).at(-1)!;
}

const teamsUser = () => ({
  from: { id: TEAMS_USER, name: 'Participant', aadObjectId: 'aad-ar-user' },
  conversation: { id: TEAMS_CHAT, conversationType: 'personal', tenantId: 'tenant-1' },
  locale: 'ar-SA',
  localTimezone: 'Asia/Riyadh',
});

async function teamsSay(words: string): Promise<Record<string, any>> {
  const before = connector.calls.length;
  const res = await postActivity(e2e.server.url, teamsActivity(connector.url, { ...teamsUser(), text: words }));
  expect(res.status).toBe(200);
  return (await connector.waitFor(before + 1)).at(-1)!.activity.attachments[0].content;
}

/** An Action.Execute invoke from the Teams user's personal chat; the card it answers with. */
async function teamsInvoke(verb: string, data: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await postActivity(e2e.server.url, teamsActivity(connector.url, { ...teamsUser(), type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { statusCode: number; value: Record<string, any> };
  expect(body.statusCode).toBe(200);
  return body.value;
}

function cardActions(node: unknown): Record<string, any>[] {
  if (Array.isArray(node)) return node.flatMap(cardActions);
  if (!node || typeof node !== 'object') return [];
  const el = node as Record<string, any>;
  const own = typeof el.type === 'string' && el.type.startsWith('Action.') ? [el] : [];
  return [...own, ...Object.values(el).flatMap(cardActions)];
}

const prompts = () => ({
  slack: slack.of('chat.postMessage').filter((c) => c.body.channel === SLACK_USER),
  other: slack.of('chat.postMessage').filter((c) => c.body.channel === OTHER),
  teams: connector.calls.filter((c) => c.conversationId === TEAMS_CHAT),
});

describe('done when: after a session, the one who starred it and the one who asked get one prompt each, and answer', () => {
  it('the audience: a Slack star in French, a Teams question in Arabic, a Slack user who does neither', async () => {
    expect(text((await slackDm('favori w1-d2-a')).body.blocks)).toContain('Séance ajoutée à votre agenda');
    e2e.server.clock.set('2021-05-04T13:00:00Z');
    expect(text(await teamsSay('سؤال w1-d2-a كيف نصل إلى العمال غير الرسميين؟'))).toContain('q1');
    await slackDm('today', OTHER, 'DSARA');
  });

  it('prompts: none before five minutes; one each at 14:06Z in their language, again none after a restart', async () => {
    slack.calls.length = 0;
    connector.calls.length = 0;
    e2e.server.clock.set('2021-05-04T14:04:00Z');
    expect((await e2e.server.running.scheduler.tick()).feedback).toEqual([]);
    await e2e.restart('2021-05-04T14:06:00Z');
    await e2e.server.running.scheduler.tick();
    await e2e.server.running.scheduler.tick();
    const { slack: [dm, ...moreDms], teams: [card, ...moreCards], other } = prompts();
    expect(moreDms).toHaveLength(0);
    expect(moreCards).toHaveLength(0);
    expect(other).toHaveLength(0);
    expect(stripBidi(dm!.body.text)).toContain('Quelle a été l’utilité de « Atteindre le « chaînon manquant »');
    expect(text(dm!.body.blocks)).toContain('ne plus demander d’avis');
    const teamsCard = card!.activity.attachments[0].content;
    expect(teamsCard.rtl).toBe(true);
    expect(text(teamsCard)).toContain('ما مدى فائدة «الوصول إلى «الوسط المفقود»»؟');
    expect(cardActions(teamsCard).map((a) => a.data?.ckex)).toContain('feedback form w1-d2-a');
    await e2e.restart('2021-05-04T14:10:00Z');
    expect((await e2e.server.running.scheduler.tick()).feedback).toEqual([]);
  });

  it('Slack: « quatre » typed in the DM answers the prompt; the comment keeps its language', async () => {
    expect(text((await slackDm('quatre')).body.blocks)).toContain('votre note (4 · Très utile) est enregistrée');
    await slackDm('Les exemples du Sénégal');
    await slackDm('passer');
    expect(await e2e.server.store.feedbackFrom(`slack:T1:${SLACK_USER}`, 'w1-d2-a')).toMatchObject({ rating: 4, useful: { text: 'Les exemples du Sénégal', lang: 'fr' }, lang: 'fr' });
  });

  it('Teams: the prompt’s form button opens the card form; its submission is saved', async () => {
    const form = await teamsInvoke('ckex', { ckex: 'feedback form w1-d2-a', lang: 'ar' });
    const submit = cardActions(form).find((a) => a.verb === 'ckex-register');
    expect(submit?.data).toEqual({ ckexForm: 'feedback', ckexSubject: 'w1-d2-a', lang: 'ar' });
    const done = await teamsInvoke(submit!.verb, { ...submit!.data, rating: '5', useful: 'أمثلة من كينيا', better: '' });
    expect(text(done)).toContain('شكرًا على تقييمك');
    expect(await e2e.server.store.feedbackFrom(`teams:${TEAMS_USER}`, 'w1-d2-a')).toMatchObject({ rating: 5, useful: { lang: 'ar' } });
  });

  it('the organiser’s report: 2 responses, the average, the bars, the comments tagged by language, no author', async () => {
    const report = await slackDm('feedback report w1-d2-a', ORG, 'DORG');
    const shown = text(report.body.blocks);
    expect(shown).toContain('2 responses');
    expect(shown).toContain('Average: 4.5 out of 5');
    expect(shown).toContain('██████████');
    expect(shown).toContain('Les exemples du Sénégal (in French)');
    expect(shown).toContain('أمثلة من كينيا (in Arabic)');
    expect(shown).not.toMatch(/UFR|ar-user/);
  });

  it('a second answer replaces the first; the one who came without starring answers through the Slack modal', async () => {
    await slackDm('avis w1-d2-a 2');
    expect((await e2e.server.store.feedbackOn(['w1-d2-a'])).map((f) => f.rating).sort()).toEqual([2, 5]);
    const payload = {
      type: 'view_submission', team: { id: 'T1' }, user: { id: OTHER }, api_app_id: 'A1', token: 'legacy', trigger_id: 't1',
      view: { id: 'V1', type: 'modal', callback_id: 'ckex_register', private_metadata: JSON.stringify({ lang: 'en', form: 'feedback', subject: 'w1-d2-a' }), state: { values: { rating: { value: { type: 'static_select', selected_option: { value: '3' } } }, useful: { value: { type: 'plain_text_input', value: 'The Kenya case' } }, better: { value: { type: 'plain_text_input', value: null } } } } },
    };
    const wrong = { ...payload, view: { ...payload.view, state: { values: { ...payload.view.state.values, rating: { value: { type: 'static_select', selected_option: null } } } } } };
    const refused = await signedPost(e2e.events, new URLSearchParams({ payload: JSON.stringify(wrong) }).toString(), 'application/x-www-form-urlencoded');
    expect(JSON.parse(await refused.text())).toMatchObject({ response_action: 'errors', errors: { rating: 'This question needs an answer.' } });
    const res = await signedPost(e2e.events, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    expect(text(JSON.parse(await res.text()))).toContain('Thank you for your feedback');
    expect(await e2e.server.store.feedbackOn(['w1-d2-a'])).toHaveLength(3);
  });

  it('me delete removes the person’s feedback, and only theirs', async () => {
    await slackDm('me delete confirm');
    expect(await e2e.server.store.feedbackBy(`slack:T1:${SLACK_USER}`)).toEqual([]);
    expect(await e2e.server.store.feedbackOn(['w1-d2-a'])).toHaveLength(2);
  });
});
