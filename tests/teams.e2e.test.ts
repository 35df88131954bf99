// The Teams bot end to end: activities posted to the real /api/messages, replies caught by a fake Bot Connector.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { LowdbStore } from '../src/store/lowdb/index.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';

const e2e = useE2e({ platforms: ['teams'] });
const { connector } = e2e;

let newcomers = 0;
const say = (fields: Record<string, any>) => postActivity(e2e.server.url, teamsActivity(connector.url, fields));
const cardText = (card: unknown) => stripBidi(JSON.stringify(card));

describe('messages', () => {
  it('answers "week 2" with locale fr-FR with a French Adaptive Card of week 2', async () => {
    const res = await say({ text: 'week 2', locale: 'fr-FR' });
    expect(res.status).toBe(200);
    const [call] = await connector.waitFor();
    expect(call!.conversationId).toBe('a:personal-1');
    const card = call!.activity.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.version).toBe('1.5');
    expect(card.content.body[0].text).toBe('Semaine 2\u00a0: Outils et innovations');
    expect(cardText(card.content)).toContain('w2-d3-a');
  });

  it.each([
    ['today', 'en-US', 'Tuesday, 4 May 2021'],
    ['/ckex tomorrow', 'en-US', 'Wednesday, 5 May 2021'],
    ["ckex aujourd'hui", 'en-US', 'Mardi 4 mai 2021'],
    ['اليوم', 'en-US', 'الثلاثاء، 4 مايو/أيار 2021'],
    ['session w2-d3-a', 'en-US', 'simultaneous interpretation'],
    ['ressources Éthiopie', 'en-US', '2 ressources correspondent'],
    ['موارد إثيوبيا', 'en-US', 'موردان يطابقان'],
    ['now', 'ar-SA', 'الجلسة الجارية والتالية'],
    ['help', 'fr-CA', 'ce que vous pouvez me demander'],
  ])('%s (%s)', async (text, locale, expected) => {
    // A new participant each time: a conversation keeps the language it was last clearly written in.
    await say({ text, locale, from: { id: `29:row-${++newcomers}`, name: 'Participant' } });
    const [call] = await connector.waitFor();
    expect(cardText(call!.activity.attachments[0].content)).toContain(expected);
  });

  it('marks Arabic cards rtl and shows times in the user’s zone', async () => {
    await say({ text: 'اليوم', localTimezone: 'Asia/Riyadh', from: { id: '29:riyadh', name: 'Participant' } });
    const [call] = await connector.waitFor();
    const card = call!.activity.attachments[0].content;
    expect(card.rtl).toBe(true);
    expect(cardText(card)).toContain('15:30');
    expect(cardText(card)).toContain('توقيت الرياض (UTC+3)');
  });

  it('answers an @mention in a channel, in the thread, with the mention removed and times in each reader’s zone', async () => {
    await say({
      conversationType: 'channel',
      text: '<at>CKEx</at> today',
      entities: [{ type: 'mention', text: '<at>CKEx</at>', mentioned: { id: '28:ckex-bot', name: 'CKEx' } }],
    });
    const [call] = await connector.waitFor();
    expect(call!.replyToId).toBeDefined();
    const card = cardText(call!.activity.attachments[0].content);
    expect(card).toContain('{{TIME(2021-05-04T12:30:00Z)}}');
    expect(card).toContain("each reader's own time zone");
  });
});

describe('buttons', () => {
  it('a card button (Action.Execute) updates the card in place in personal chat', async () => {
    const res = await say({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'ckex', data: { ckex: 'agenda 2021-05-05', lang: 'fr' } }, trigger: 'manual' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: any };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Mercredi 5 mai 2021');
  });

  it('in a channel the card stays and the answer comes as a new message', async () => {
    const res = await say({ conversationType: 'channel', type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'ckex', data: { ckex: 'week 3' } } } });
    const body = (await res.json()) as { type: string };
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    const [call] = await connector.waitFor();
    expect(cardText(call!.activity.attachments[0].content)).toContain('Week 3');
  });

  it('an organiser deciding from the notice in a channel updates that card for everyone', async () => {
    const org = await e2e.another({ env: { CKEX_ADMINS: '29:organiser' } });
    try {
      await org.server.store.saveRegistration({ id: 'RTEAM2', email: 'teams-pending@example.org', name: 'Nadia', organisation: 'Ministry', country: 'TN', role: 'practitioner', institution: 'ministry', region: 'MENA', interpretation: 'ar', consentAt: '2021-05-01T10:00:00.000Z', lang: 'ar', status: 'pending', invited: false, userIds: ['teams:29:nadia'], createdAt: '2021-05-01T10:00:00.000Z', updatedAt: '2021-05-01T10:00:00.000Z' });
      const res = await postActivity(org.server.url, teamsActivity(connector.url, { conversationType: 'channel', type: 'invoke', name: 'adaptiveCard/action', replyToId: 'notice-1', from: { id: '29:organiser', name: 'Organiser' }, value: { action: { type: 'Action.Execute', verb: 'ckex', data: { ckex: 'approve RTEAM2 notice', lang: 'en' } } } }));
      const body = (await res.json()) as { type: string; value: unknown };
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(body.value)).toContain('Registration RTEAM2: Confirmed');
      const update = connector.calls.find((c) => c.updates === 'notice-1');
      expect(update).toBeDefined();
      expect(cardText(update!.activity.attachments[0].content)).toContain('Registration RTEAM2: Confirmed');
      expect(cardText(update!.activity.attachments[0].content)).not.toContain('approve RTEAM2');
      expect((await org.server.store.registration('RTEAM2'))?.status).toBe('confirmed');
    } finally {
      await org.close();
    }
  });

  it('a star pressed on a channel card answers the presser alone, not the channel', async () => {
    const res = await say({ conversationType: 'channel', type: 'invoke', name: 'adaptiveCard/action', from: { id: '29:channel-star', name: 'P' }, value: { action: { type: 'Action.Execute', verb: 'ckex', data: { ckex: 'star w1-d2-a', lang: 'en' } } } });
    const body = (await res.json()) as { type: string; value: string };
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(stripBidi(body.value)).toContain('Added to your agenda');
    // Another button on a channel card after it, whose answer is posted: once it is, a post for the star would have come.
    await say({ conversationType: 'channel', type: 'invoke', name: 'adaptiveCard/action', from: { id: '29:channel-star', name: 'P' }, value: { action: { type: 'Action.Execute', verb: 'ckex', data: { ckex: 'week 3', lang: 'en' } } } });
    const marker = await connector.waitForOne((c) => cardText(c.activity).includes('Week 3'));
    expect(connector.calls).toEqual([marker]);
    expect(await e2e.server.store.starsOf('teams:29:channel-star')).toHaveLength(1);
  });

  it('Action.Submit from older clients arrives as a message with a value', async () => {
    await say({ text: undefined, value: { ckex: 'week 4', lang: 'ar' } });
    const [call] = await connector.waitFor();
    expect(cardText(call!.activity.attachments[0].content)).toContain('الأسبوع 4');
  });

  it('a malformed invoke gets a 400-style answer and no crash', async () => {
    const res = await say({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data: { nope: 1 } } } });
    const body = (await res.json()) as { statusCode: number };
    expect(body.statusCode).toBe(400);
  });
});

describe('install, uninstall and proactive messages', () => {
  const install = (conversationId: string, conversationType: string, locale = 'fr-FR') =>
    say({ type: 'installationUpdate', action: 'add', conversation: { id: conversationId, conversationType, tenantId: 'tenant-1' }, locale, text: undefined });
  const CHANNEL = '19:digest-channel@thread.tacv2';

  it('welcomes once on install in the user’s language and stores the reference; forgets it on uninstall', async () => {
    await install('a:new-user', 'personal');
    await say({ type: 'conversationUpdate', membersAdded: [{ id: '28:ckex-bot' }], conversation: { id: 'a:new-user', conversationType: 'personal' }, text: undefined, locale: 'fr-FR' });
    await connector.waitFor();
    // A message in another chat after both: once it is answered, a second welcome would have come.
    await say({ text: 'help', from: { id: '29:marker', name: 'Participant' }, conversation: { id: 'a:marker', conversationType: 'personal' } });
    await connector.waitForOne((c) => c.conversationId === 'a:marker');
    expect(connector.calls.map((c) => c.conversationId)).toEqual(['a:new-user', 'a:marker']);
    expect(cardText(connector.calls[0]!.activity.attachments[0].content)).toContain('Semaine 1');
    expect(await e2e.server.store.conversation('a:new-user')).toMatchObject({ platform: 'teams', scope: 'personal', userId: 'teams:29:user-1' });
    await say({ type: 'installationUpdate', action: 'remove', conversation: { id: 'a:new-user', conversationType: 'personal' }, text: undefined });
    await new Promise((r) => setTimeout(r, 100));
    expect(await e2e.server.store.conversation('a:new-user')).toBeUndefined();
  });

  it('does not rewrite the store for every message of a known conversation', async () => {
    await say({ text: 'help' });
    await connector.waitFor();
    // The lowdb file counts its writes: the test server runs on DATA_DIR. What a reply shows is written (the referent
    // of a follow-up, issue 23); the conversation's reference is not, and a reply that shows nothing writes nothing.
    const inner = (e2e.server.store as unknown as { inner: unknown }).inner;
    expect(inner).toBeInstanceOf(LowdbStore);
    const file = (inner as LowdbStore).file;
    const stored = (await e2e.server.store.conversation('a:personal-1'))!.updatedAt;
    const writes = file.fileWrites;
    for (const text of ['help', 'now']) await say({ text });
    await connector.waitFor(3);
    expect(file.fileWrites).toBe(writes);
    for (const text of ['today', 'week 2']) await say({ text });
    await connector.waitFor(5);
    expect((await e2e.server.store.conversation('a:personal-1'))!.updatedAt).toBe(stored);
  });

  it('refreshes a stored reference when serviceUrl changes', async () => {
    await say({ text: 'help' });
    await connector.waitFor();
    const moved = `${connector.url}moved/`;
    await postActivity(e2e.server.url, teamsActivity(moved, { text: 'help' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(((await e2e.server.store.conversation('a:personal-1'))!.reference as { serviceUrl: string }).serviceUrl).toBe(moved);
  });

  it('sends proactively to a stored conversation', async () => {
    await install(CHANNEL, 'channel', 'en-US');
    await connector.waitFor();
    connector.calls.length = 0;
    const reply = { lang: 'en' as const, blocks: [{ type: 'header' as const, text: 'Digest' }] };
    const result = await e2e.server.running.teams!.proactive.send(CHANNEL, reply);
    expect(result).toBe('sent');
    const [call] = await connector.waitFor();
    expect(call!.conversationId).toBe(CHANNEL);
    expect(call!.activity.attachments[0].content.body[0].text).toBe('Digest');
  });

  it('retries a 429 then succeeds', async () => {
    connector.failNext({ status: 429, retryAfter: 0 });
    const attempts = connector.attempts;
    const result = await e2e.server.running.teams!.proactive.send(CHANNEL, { lang: 'en', blocks: [{ type: 'text', text: ['again'] }] });
    expect(result).toBe('sent');
    expect(connector.attempts - attempts).toBeGreaterThanOrEqual(2);
    expect(connector.calls).toHaveLength(1);
  });

  it('a 403 BotNotInConversationRoster drops the reference', async () => {
    connector.failNext({ status: 403, code: 'BotNotInConversationRoster' });
    const result = await e2e.server.running.teams!.proactive.send(CHANNEL, { lang: 'en', blocks: [{ type: 'text', text: ['gone'] }] });
    expect(result).toBe('gone');
    expect(await e2e.server.store.conversation(CHANNEL)).toBeUndefined();
  });
});

describe('authentication', () => {
  it('with an app id, refuses activities that carry no Bot Framework token', async () => {
    const secured = await e2e.another({ env: { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'secret' } });
    try {
      const res = await postActivity(secured.server.url, teamsActivity(connector.url, { text: 'today' }));
      expect(res.status).toBe(401);
      expect(connector.calls).toHaveLength(0);
    } finally {
      await secured.close();
    }
  });
});

describe('malformed requests', () => {
  it('answers 4xx to bodies that are not activities, and keeps serving', async () => {
    const notJson = await fetch(`${e2e.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": ' });
    expect(notJson.status).toBe(400);
    const notActivity = await fetch(`${e2e.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
    expect(notActivity.status).toBe(400);
    expect((await fetch(`${e2e.server.url}/healthz`)).status).toBe(200);
  });
});
