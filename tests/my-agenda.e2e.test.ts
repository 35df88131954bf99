// My agenda (issue 15) end to end, through the real protocols: a French-speaking Slack user (signed events, a real
// block_actions press of the ☆ button the bot posted, /ckex) and an Arabic-speaking Teams user (activities and an
// Action.Execute invoke) each star a session, see it in my agenda and in their private calendar feed with an alarm,
// and get exactly one reminder in their language before it starts, also when the bot is restarted in between (one
// DATA_DIR, a second server at a later clock). `me delete` then withdraws the feed.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import type { SlackCall } from './helpers/fake-slack.js';
import { blockAction, eventCallback, slashCommand } from './helpers/slack-requests.js';

const PUBLIC_URL = 'https://ckex.example.org';
const FEED = /https:\/\/ckex\.example\.org\/ics\/u\/([A-Za-z0-9_-]{20,64})\.ics/;
// The sample agenda's Tuesday 4 May: w1-d2-a 08:30–10:00 in Washington (12:30Z), w1-d2-b 10:30–12:00 (14:30Z).
const SLACK_USER = 'UFR';
const SLACK_DM = 'DFR';
const TEAMS_USER = '29:ar-user';
const TEAMS_CHAT = 'a:personal-ar';

const e2e = useE2e({ now: '2021-05-04T12:00:00Z', env: { PUBLIC_URL } });
const { slack, connector } = e2e;
slack.users.set(SLACK_USER, { tz: 'Europe/Paris', locale: 'fr-FR' });
const feeds: { slack?: string; teams?: string } = {};

const text = (x: unknown): string => stripBidi(JSON.stringify(x));
let ts = 0;

/** A direct message from the Slack user; resolves with the bot's answer, posted to the DM. */
async function slackDm(words: string): Promise<SlackCall> {
  const before = slack.of('chat.postMessage').length;
  const t = `1620129600.${String(++ts).padStart(6, '0')}`;
  const res = await eventCallback(e2e.events, { type: 'message', channel_type: 'im', channel: SLACK_DM, user: SLACK_USER, text: words, ts: t, event_ts: t });
  expect(res.status).toBe(200);
  const posts = await slack.waitFor('chat.postMessage', before + 1);
  const post = posts.at(-1)!;
  expect(post.body.channel).toBe(SLACK_DM);
  return post;
}

/** Presses a button on a message the bot posted in the DM, as Slack sends it; resolves with the response_url answer. */
async function slackPress(button: { action_id: string; value: string }, responseId: string): Promise<SlackCall> {
  const before = slack.of('respond').length;
  const res = await blockAction(e2e.events, {
    user: { id: SLACK_USER, team_id: 'T1' },
    channel: { id: SLACK_DM, name: 'directmessage' },
    container: { type: 'message', message_ts: '1620129600.000001', channel_id: SLACK_DM, is_ephemeral: false },
    response_url: slack.responseUrl(responseId),
    actions: [{ type: 'button', action_id: button.action_id, block_id: 'b', value: button.value, action_ts: '1620129601.000001' }],
  });
  expect(res.status).toBe(200);
  return (await slack.waitFor('respond', before + 1)).at(-1)!;
}

/** Every button in Block Kit blocks: section accessories and actions elements. */
const slackButtons = (blocks: any[]): any[] => blocks.flatMap((b) => [...(b.accessory ? [b.accessory] : []), ...(b.type === 'actions' ? b.elements : [])]);
const commandOf = (button: { value?: string }): string | undefined => (button.value ? (JSON.parse(button.value) as { c: string }).c : undefined);

/** A message from the Teams user in their personal chat; resolves with the card the bot answered with. */
async function teamsSay(words: string, fields: Record<string, any> = {}): Promise<Record<string, any>> {
  const before = connector.calls.length;
  const res = await postActivity(e2e.server.url, teamsActivity(connector.url, { ...teamsUser(), text: words, ...fields }));
  expect(res.status).toBe(200);
  const calls = await connector.waitFor(before + 1);
  const call = calls.at(-1)!;
  expect(call.conversationId).toBe(TEAMS_CHAT);
  return call.activity.attachments[0].content;
}

const teamsUser = () => ({
  from: { id: TEAMS_USER, name: 'Participant', aadObjectId: 'aad-ar-user' },
  conversation: { id: TEAMS_CHAT, conversationType: 'personal', tenantId: 'tenant-1' },
  locale: 'ar-SA',
  localTimezone: 'Asia/Riyadh',
});

/** Every action of an Adaptive Card, wherever it sits (ActionSets in columns included). */
function cardActions(node: unknown): Record<string, any>[] {
  if (Array.isArray(node)) return node.flatMap(cardActions);
  if (!node || typeof node !== 'object') return [];
  const el = node as Record<string, any>;
  const own = typeof el.type === 'string' && el.type.startsWith('Action.') ? [el] : [];
  return [...own, ...Object.values(el).flatMap(cardActions)];
}

/** The calendar feed at the address the bot gave, fetched from this server; lines unfolded. */
async function feed(token: string): Promise<{ status: number; type: string | null; ics: string }> {
  const res = await fetch(`${e2e.server.url}/ics/u/${token}.ics`);
  return { status: res.status, type: res.headers.get('content-type'), ics: (await res.text()).replace(/\r\n[ \t]/g, '') };
}

const vevents = (ics: string): string[] => ics.split('BEGIN:VEVENT').slice(1).map((e) => e.split('END:VEVENT')[0]!);
const field = (event: string, name: string): string | undefined => new RegExp(`^${name}(?:;[^:]*)?:(.*)$`, 'm').exec(event)?.[1]?.replace(/\r$/, '');

function expectOneStarredEvent(ics: string, id: string, summary: string): void {
  const [event, ...more] = vevents(ics);
  expect(more).toHaveLength(0);
  expect(field(event!, 'UID')).toBe(`${id}@ckex-2021.ckex-bot`);
  expect(field(event!, 'DTSTART')).toBe('20210504T123000Z');
  expect(stripBidi(field(event!, 'SUMMARY') ?? '')).toContain(summary);
  expect(event).toContain('BEGIN:VALARM');
  expect(field(event!, 'TRIGGER')).toBe('-PT10M');
  expect(field(event!, 'ACTION')).toBe('DISPLAY');
}

describe('done when: a Slack user and a Teams user star, see my agenda and the feed, and are reminded once across a restart', () => {
  it('Slack (fr-FR): the ☆ button on today stars w1-d2-a, mon programme lists it with the feed, the feed has it with an alarm', async () => {
    const today = await slackDm("aujourd'hui");
    expect(text(today.body.blocks)).toContain('Mardi 4 mai 2021');
    // The button beside w1-d2-a, exactly as the bot posted it.
    const section = today.body.blocks.find((b: any) => b.type === 'section' && /\(w1-d2-a\)/.test(b.text?.text ?? ''));
    expect(section?.accessory).toBeDefined();
    expect(commandOf(section.accessory)).toBe('star w1-d2-a');
    expect(stripBidi(section.accessory.text.text)).toBe('☆ Ajouter');

    const starred = await slackPress(section.accessory, 'star');
    expect(starred.body.replace_original).toBe(true);
    expect(text(starred.body.blocks)).toContain('★ Séance ajoutée à votre agenda : Atteindre le « chaînon manquant »');
    expect(text(starred.body.blocks)).toContain('Vous recevrez un rappel 10 minutes avant le début de la séance.');
    expect((await e2e.server.store.starsOf(`slack:T1:${SLACK_USER}`)).map((s) => s.sessionId)).toEqual(['w1-d2-a']);

    const mine = await slackDm('mon programme');
    const shown = text(mine.body.blocks);
    expect(shown).toContain('Mon agenda');
    expect(shown).toContain('(w1-d2-a)');
    expect(shown).toContain('14:30'); // 08:30 in Washington is 14:30 in Paris
    expect(shown).not.toContain('w1-d2-b');
    const feedButton = slackButtons(mine.body.blocks).find((b) => typeof b.url === 'string');
    expect(stripBidi(feedButton.text.text)).toBe('Mon calendrier');
    const token = FEED.exec(feedButton.url)?.[1];
    expect(token).toBeDefined();
    feeds.slack = token!;

    const cal = await feed(token!);
    expect(cal.status).toBe(200);
    expect(cal.type).toContain('text/calendar');
    expect(cal.ics).toContain('BEGIN:VCALENDAR');
    expect(stripBidi(cal.ics)).toContain('mon agenda');
    expectOneStarredEvent(cal.ics, 'w1-d2-a', 'CKEx: Atteindre le « chaînon manquant »');
  });

  it('Slack: /ckex mon programme answers privately with the same list and the same feed address', async () => {
    const before = slack.of('respond').length;
    const res = await slashCommand(e2e.events, 'mon programme', slack.responseUrl('slash'), SLACK_USER);
    expect(res.status).toBe(200);
    const answer = (await slack.waitFor('respond', before + 1)).at(-1)!;
    expect(text(answer.body.blocks)).toContain('Mon agenda');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(text(answer.body.blocks)).toContain('(w1-d2-a)');
    const url = slackButtons(answer.body.blocks).find((b) => typeof b.url === 'string')?.url;
    expect(FEED.exec(url)?.[1]).toBe(feeds.slack);
  });

  it('Teams (ar-SA): «أضف w1-d2-a», then «جدولي» with the feed as Action.OpenUrl; the feed is Arabic with an alarm', async () => {
    const added = await teamsSay('أضف w1-d2-a');
    expect(added.rtl).toBe(true);
    expect(text(added)).toContain('★ أُضيفت إلى جدولك: الوصول إلى «الوسط المفقود»');

    const mine = await teamsSay('جدولي');
    expect(mine.rtl).toBe(true);
    expect(text(mine)).toContain('جدولي');
    expect(text(mine)).toContain('w1-d2-a');
    expect(text(mine)).toContain('15:30'); // Riyadh
    const open = cardActions(mine).find((a) => a.type === 'Action.OpenUrl');
    expect(stripBidi(open?.title ?? '')).toBe('رابط تقويمي');
    const token = FEED.exec(open?.url ?? '')?.[1];
    expect(token).toBeDefined();
    expect(token).not.toBe(feeds.slack);
    feeds.teams = token!;

    const cal = await feed(token!);
    expect(cal.status).toBe(200);
    expect(cal.type).toContain('text/calendar');
    expectOneStarredEvent(cal.ics, 'w1-d2-a', 'CKEx: الوصول إلى «الوسط المفقود»');
  });

  it('Teams: Action.Execute of the ☆ button on today’s card stars a second session, in place', async () => {
    const today = await teamsSay('اليوم');
    const actions = cardActions(today).filter((a) => a.type === 'Action.Execute');
    // What I starred is marked; the next one offers the star.
    expect(actions.find((a) => a.data?.ckex === 'unstar w1-d2-a')).toBeDefined();
    const starB = actions.find((a) => a.data?.ckex === 'star w1-d2-b');
    expect(starB).toMatchObject({ verb: 'ckex', data: { lang: 'ar' } });

    const res = await postActivity(e2e.server.url, teamsActivity(connector.url, { ...teamsUser(), type: 'invoke', name: 'adaptiveCard/action', text: undefined, value: { action: { type: 'Action.Execute', verb: starB!.verb, data: starB!.data }, trigger: 'manual' } }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: any };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.value.rtl).toBe(true);
    expect(text(body.value)).toContain('★ أُضيفت إلى جدولك: الحماية الاجتماعية للعاملين في القطاع غير الرسمي');

    expect((await e2e.server.store.starsOf(`teams:${TEAMS_USER}`)).map((s) => s.sessionId).sort()).toEqual(['w1-d2-a', 'w1-d2-b']);
    const cal = await feed(feeds.teams!);
    expect(vevents(cal.ics).map((e) => field(e, 'UID'))).toEqual(['w1-d2-a@ckex-2021.ckex-bot', 'w1-d2-b@ckex-2021.ckex-bot']);
    expect(vevents(cal.ics).every((e) => field(e, 'TRIGGER') === '-PT10M')).toBe(true);
  });

  it('reminders: none at 12:10Z; after a restart, exactly one each at 12:20Z, in French on Slack and Arabic on Teams; none again at 12:21Z and 12:29Z', async () => {
    const reminders = () => ({
      slack: slack.of('chat.postMessage').filter((c) => c.body.channel === SLACK_USER),
      teams: connector.calls.filter((c) => c.conversationId === TEAMS_CHAT),
    });
    slack.calls.length = 0;
    connector.calls.length = 0;

    e2e.server.clock.set('2021-05-04T12:10:00Z');
    expect((await e2e.server.running.scheduler.tick()).reminded).toEqual([]);
    expect(reminders().slack).toHaveLength(0);
    expect(reminders().teams).toHaveLength(0);

    // Restart: the first server goes, a second one opens the same DATA_DIR five minutes later.
    await e2e.restart('2021-05-04T12:15:00Z');
    await e2e.server.running.scheduler.tick();
    expect(reminders().slack).toHaveLength(0);
    expect(reminders().teams).toHaveLength(0);

    e2e.server.clock.set('2021-05-04T12:20:00Z');
    await e2e.server.running.scheduler.tick();
    await e2e.server.running.scheduler.tick(); // a second tick at the same instant (or a cron wake-up racing it) sends nothing more
    const { slack: [dm, ...moreDms], teams: [proactive, ...moreProactive] } = reminders();
    expect(moreDms).toHaveLength(0);
    expect(moreProactive).toHaveLength(0);

    // Slack: a DM from the app (chat.postMessage to the user id), French, Paris time, with details and unstar.
    expect(dm).toBeDefined();
    expect(dm!.body.thread_ts).toBeUndefined();
    expect(stripBidi(dm!.body.text)).toContain('Rappel : Atteindre le « chaînon manquant »');
    const dmText = text(dm!.body.blocks);
    expect(dmText).toContain('Début dans 10 minutes : 14:30');
    expect(slackButtons(dm!.body.blocks).map(commandOf)).toEqual(['session w1-d2-a', 'unstar w1-d2-a']);

    // Teams: a proactive card in the personal chat, Arabic, right-to-left, Riyadh time.
    expect(proactive).toBeDefined();
    const card = proactive!.activity.attachments[0].content;
    expect(card.rtl).toBe(true);
    expect(text(card)).toContain('تذكير: الوصول إلى «الوسط المفقود»');
    expect(text(card)).toContain('تبدأ بعد 10 دقائق، من');
    expect(text(card)).toContain('15:30');
    expect(cardActions(card).map((a) => a.data?.ckex)).toEqual(['session w1-d2-a', 'unstar w1-d2-a']);

    e2e.server.clock.set('2021-05-04T12:21:00Z');
    expect((await e2e.server.running.scheduler.tick()).reminded).toEqual([]);
    // Restarted again after the reminders went: what was sent is remembered in the store, not in memory.
    await e2e.restart('2021-05-04T12:25:00Z');
    e2e.server.clock.set('2021-05-04T12:29:00Z');
    expect((await e2e.server.running.scheduler.tick()).reminded).toEqual([]);
    expect(reminders().slack).toHaveLength(1);
    expect(reminders().teams).toHaveLength(1);
  });

  it('the feeds survive the restart; me delete, once confirmed, makes each feed address 404', async () => {
    expect((await feed(feeds.slack!)).status).toBe(200);
    expect((await feed(feeds.teams!)).status).toBe(200);

    // Slack: moi supprimer asks first (with a confirmation button); «oui» answers the question and erases.
    const ask = await slackDm('moi supprimer');
    expect(text(ask.body.blocks)).toContain('Voulez-vous vraiment continuer ?');
    expect(slackButtons(ask.body.blocks).map(commandOf)).toContain('me delete confirm');
    expect((await feed(feeds.slack!)).status).toBe(200); // asking changes nothing
    const done = await slackDm('oui');
    expect(text(done.body.blocks)).toContain('j’ai effacé tout ce que je conservais à votre sujet');
    const gone = await feed(feeds.slack!);
    expect(gone.status).toBe(404);
    expect(gone.ics).not.toContain('VEVENT');

    // Teams: «بياناتي حذف», then «نعم» answers the question.
    expect(text(await teamsSay('بياناتي حذف'))).toContain('هل تريد المتابعة؟');
    expect(text(await teamsSay('نعم'))).toContain('حُذف كل ما كنت أحتفظ به عنك.');
    expect((await feed(feeds.teams!)).status).toBe(404);
    expect(await e2e.server.store.starsOf(`teams:${TEAMS_USER}`)).toEqual([]);
  });
});
