// The Slack app end to end: signed HTTP requests to the real Bolt receiver, Web API calls to a fake on 127.0.0.1.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { tempDir } from './helpers/bot.js';
import { useE2e } from './helpers/e2e.js';
import { blockAction, eventCallback, signedPost, slashCommand } from './helpers/slack-requests.js';

const e2e = useE2e({ platforms: ['slack'], env: { PUBLIC_URL: 'https://ckex.example.org' } });
const { slack } = e2e;
slack.users.set('UCAIRO', { tz: 'Africa/Cairo', locale: 'ar-EG' });
slack.users.set('UPARIS', { tz: 'Europe/Paris', locale: 'fr-FR' });
let newcomers = 0;

const allText = (call: { body: Record<string, any> }): string => stripBidi(JSON.stringify(call.body.blocks ?? call.body.view?.blocks ?? []));

describe('slash command /ckex', () => {
  it('answers week 2 privately in Block Kit, with a share button', async () => {
    const res = await slashCommand(e2e.events, 'week 2', slack.responseUrl());
    expect(res.status).toBe(200);
    const [call] = await slack.waitFor('respond');
    expect(call!.body.response_type).toBe('ephemeral');
    expect(call!.body.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Week 2: Tools and innovations', emoji: true } });
    expect(allText(call!)).toContain('w2-d3-a');
    const actions = call!.body.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements);
    expect(actions.map((e: any) => e.action_id)).toContain('ckex_share');
  });

  it.each([
    ['today', 'UX', 'Tuesday, 4 May 2021'],
    ["aujourd'hui", 'UX', 'Mardi 4 mai 2021'],
    ['اليوم', 'UX', 'الثلاثاء، 4 مايو/أيار 2021'],
    ['tomorrow', 'UX', 'Wednesday, 5 May 2021'],
    ['semaine 3', 'UX', 'Semaine 3'],
    ['الأسبوع 4', 'UX', 'الأسبوع 4'],
    ['now', 'UX', 'Now and next'],
    ['session w2-d3-a', 'UX', 'Add to calendar'],
    ['ressources Éthiopie', 'UX', '2 ressources correspondent'],
    ['موارد إثيوبيا', 'UX', 'موردان يطابقان'],
    ['agenda 8 May', 'UX', 'is a weekend'],
    ['lang', 'UX', 'I am answering you in English'],
    ['', 'UX', 'what you can ask'],
    ['week 2', 'UPARIS', 'Semaine 2 : Outils et innovations'],
  ])('%s (%s)', async (text, user, expected) => {
    // UX is a new participant each time: a conversation keeps the language it was last clearly written in.
    await slashCommand(e2e.events, text, slack.responseUrl(), user === 'UX' ? `UX${++newcomers}` : user);
    const [call] = await slack.waitFor('respond');
    expect(allText(call!)).toContain(expected);
  });

  it('shows times in the user’s own zone from users.info, and lays Arabic out right-to-left', async () => {
    await slashCommand(e2e.events, 'today', slack.responseUrl(), 'UCAIRO');
    const [call] = await slack.waitFor('respond');
    const raw = JSON.stringify(call!.body.blocks);
    expect(stripBidi(raw)).toContain('14:30');
    expect(stripBidi(raw)).toContain('(UTC+2)');
    expect(stripBidi(raw)).not.toContain('Africa/Cairo');
    const section = call!.body.blocks.find((b: any) => b.type === 'section' && /w1-d2-a/.test(b.text.text));
    expect(section.text.text.startsWith('\u200f')).toBe(true);
    expect(section.text.text).toContain('\u2066');
  });

  it('refuses a bad signature and a stale timestamp with 401', async () => {
    const body = 'command=%2Fckex&text=today';
    expect((await signedPost(e2e.events, body, 'application/x-www-form-urlencoded', { secret: 'wrong-secret-000000' })).status).toBe(401);
    expect((await signedPost(e2e.events, body, 'application/x-www-form-urlencoded', { timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    expect(slack.of('respond')).toHaveLength(0);
  });

  it('splits a long answer into several messages within Block Kit limits', async () => {
    const big = await e2e.another({ env: { CONTENT_DIR: crowdedContent() } });
    try {
      await slashCommand(big.events, 'week 1', slack.responseUrl());
      await new Promise((r) => setTimeout(r, 300));
      const calls = await slack.waitFor('respond', 2);
      for (const c of calls) expect(c.body.blocks.length).toBeLessThanOrEqual(50);
      const text = calls.map(allText).join('');
      for (const id of ['w1-d1-a', 'w1-d1-z', 'w1-d3-z', 'w1-d5-b']) expect(text).toContain(id);
    } finally {
      await big.close();
    }
  });
});

describe('events', () => {
  it('answers an @mention in a thread, with date tokens for every reader', async () => {
    const res = await eventCallback(e2e.events, { type: 'app_mention', user: 'U1', text: '<@UBOT> today', ts: '1620000000.000100', channel: 'C1', event_ts: '1620000000.000100' });
    expect(res.status).toBe(200);
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('C1');
    expect(post!.body.thread_ts).toBe('1620000000.000100');
    const text = allText(post!);
    expect(text).toMatch(/<!date\^1620131400\^\{time\}\|08:30>/);
    expect(text).toContain("each reader's own time zone");
  });

  it('answers a retried event once', async () => {
    const event = { type: 'app_mention', user: 'U1', text: '<@UBOT> week 1', ts: '1620000000.000200', channel: 'C1', event_ts: '1620000000.000200' };
    await eventCallback(e2e.events, event, { eventId: 'EvRETRY' });
    await slack.waitFor('chat.postMessage');
    const retry = await eventCallback(e2e.events, event, { eventId: 'EvRETRY', retryNum: 1 });
    expect(retry.status).toBe(200);
    // The same question after the retry, in another channel: once it is answered, a second answer would have come.
    await eventCallback(e2e.events, { ...event, channel: 'CMARK' });
    await slack.waitForOne('chat.postMessage', (c) => c.body.channel === 'CMARK');
    expect(slack.of('chat.postMessage').map((c) => c.body.channel)).toEqual(['C1', 'CMARK']);
  });

  it('answers direct messages without /ckex, and ignores the bot’s own messages', async () => {
    await eventCallback(e2e.events, { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'semaine 2', ts: '1.1', event_ts: '1.1' });
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('D1');
    expect(allText(post!)).toContain('Outils et innovations');
    await eventCallback(e2e.events, { type: 'message', channel_type: 'im', channel: 'D1', bot_id: 'BBOT', text: 'today', ts: '1.2', event_ts: '1.2' });
    // A participant's message in another DM after the bot's: once it is answered, an answer to the bot's would have come.
    await eventCallback(e2e.events, { type: 'message', channel_type: 'im', channel: 'DMARK', user: 'U1', text: 'today', ts: '1.21', event_ts: '1.21' });
    await slack.waitForOne('chat.postMessage', (c) => c.body.channel === 'DMARK');
    expect(slack.of('chat.postMessage').map((c) => c.body.channel)).toEqual(['D1', 'DMARK']);
  });

  it('publishes the App Home tab with today, the week, and language buttons', async () => {
    await eventCallback(e2e.events, { type: 'app_home_opened', user: 'UPARIS', channel: 'D2', tab: 'home', event_ts: '1.3' });
    const [publish] = await slack.waitFor('views.publish');
    expect(publish!.body.user_id).toBe('UPARIS');
    expect(publish!.body.view.type).toBe('home');
    const text = allText(publish!);
    expect(text).toContain('Semaine 1');
    expect(text).toContain('w1-d2-a');
    expect(text).toContain('14:30'); // 08:30 in Washington is 14:30 in Paris
    expect(text).toContain('"value":"{\\"c\\":\\"lang ar\\"');
  });

  it('retries after a 429 with Retry-After, then succeeds', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    await eventCallback(e2e.events, { type: 'app_mention', user: 'UHELP', text: '<@UBOT> help', ts: '1.4', channel: 'C1', event_ts: '1.4' });
    const [post] = await slack.waitFor('chat.postMessage', 1, 15_000);
    expect(post!.at - started).toBeGreaterThanOrEqual(900);
    expect(allText(post!)).toContain('what you can ask');
  });
});

describe('Web API errors', () => {
  it('tells the user privately when Slack refuses a post in the channel', async () => {
    slack.failNext('chat.postMessage', { error: 'not_in_channel' });
    await eventCallback(e2e.events, { type: 'app_mention', user: 'U1', text: '<@UBOT> aujourd’hui', ts: '1.5', channel: 'C9', event_ts: '1.5' });
    const [ephemeral] = await slack.waitFor('chat.postEphemeral');
    expect(ephemeral!.body).toMatchObject({ channel: 'C9', user: 'U1' });
    expect(ephemeral!.body.text).toContain('Invitez-moi avec /invite @CKEx');
  });
});

describe('buttons', () => {
  const pressed = (value: string, extra: Record<string, unknown> = {}) => ({
    user: { id: 'U1' },
    container: { type: 'message', is_ephemeral: true },
    channel: { id: 'C1' },
    response_url: slack.responseUrl('b1'),
    actions: [{ type: 'button', action_id: 'ckex_cmd_1', block_id: 'b', value, action_ts: '1' }],
    ...extra,
  });

  it('next day replaces the private message in place, in the language it was in', async () => {
    const res = await blockAction(e2e.events, pressed(JSON.stringify({ c: 'agenda 2021-05-05', l: 'fr' })));
    expect(res.status).toBe(200);
    const [call] = await slack.waitFor('respond');
    expect(call!.body.replace_original).toBe(true);
    expect(allText(call!)).toContain('Mercredi 5 mai 2021');
  });

  it('a button on a channel message answers privately and leaves the message alone', async () => {
    await blockAction(e2e.events, pressed(JSON.stringify({ c: 'week 2' }), { container: { type: 'message', is_ephemeral: false } }));
    const [call] = await slack.waitFor('respond');
    expect(call!.body.replace_original).toBe(false);
    expect(call!.body.response_type).toBe('ephemeral');
  });

  it('share posts the answer to the channel with date tokens', async () => {
    await blockAction(e2e.events, { ...pressed(JSON.stringify({ c: 'today', l: 'en' })), actions: [{ type: 'button', action_id: 'ckex_share', value: JSON.stringify({ c: 'today', l: 'en' }), action_ts: '1' }] });
    const [call] = await slack.waitFor('respond');
    expect(call!.body.response_type).toBe('in_channel');
    expect(allText(call!)).toContain('<!date^');
  });

  it('the language buttons on App Home save the choice and republish the tab', async () => {
    await blockAction(e2e.events, { ...pressed(JSON.stringify({ c: 'lang ar', l: 'en' })), view: { type: 'home', id: 'V1' }, container: { type: 'view', view_id: 'V1' } });
    const [publish] = await slack.waitFor('views.publish');
    expect(allText(publish!)).toContain('الأسبوع 1');
    await slashCommand(e2e.events, 'week 2', slack.responseUrl());
    const [call] = await slack.waitFor('respond');
    expect(allText(call!)).toContain('الأسبوع 2');
    await slashCommand(e2e.events, 'lang en', slack.responseUrl());
    await slack.waitFor('respond', 2);
  });
});

describe('App Home stars', () => {
  it('a star pressed on App Home republishes the tab with the session among mine', async () => {
    slack.calls.length = 0;
    const value = JSON.stringify({ c: 'star w1-d2-b', l: 'en' });
    await blockAction(e2e.events, { user: { id: 'UHOMESTAR' }, view: { type: 'home', id: 'V2' }, container: { type: 'view', view_id: 'V2' }, actions: [{ type: 'button', action_id: 'ckex_cmd_3', block_id: 'b', value, action_ts: '1' }] });
    const [publish] = await slack.waitFor('views.publish');
    expect(publish!.body.user_id).toBe('UHOMESTAR');
    expect(allText(publish!)).toContain('In your agenda: 1 session to come');
    expect(allText(publish!)).toContain('unstar w1-d2-b');
    expect(slack.of('chat.postMessage')).toHaveLength(0);
  });
});

describe('server', () => {
  it('answers /healthz and serves calendar files', async () => {
    const health = await (await fetch(`${e2e.server.url}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, slack: 'http' });
    const one = await fetch(`${e2e.server.url}/ics/w2-d3-a.ics`);
    expect(one.headers.get('content-type')).toContain('text/calendar');
    expect(await one.text()).toContain('UID:w2-d3-a@ckex-2021.ckex-bot');
    const all = await (await fetch(`${e2e.server.url}/ics/ckex.ics?lang=ar`)).text();
    expect(all.match(/BEGIN:VEVENT/g)).toHaveLength(36);
    expect((await fetch(`${e2e.server.url}/ics/nope.ics`)).status).toBe(404);
  });
});

/** The real content with 24 more sessions on each of three days of week 1: a week too long for one message. */
function crowdedContent(): string {
  const dir = tempDir('ckex-crowded-');
  cpSync('content', dir, { recursive: true });
  const agenda = JSON.parse(readFileSync(join(dir, 'agenda.json'), 'utf8'));
  const template = agenda.sessions[0];
  for (const day of [1, 2, 3]) {
    for (const letter of 'cdefghijklmnopqrstuvwxyz') {
      agenda.sessions.push({ ...template, id: `w1-d${day}-${letter}`, date: `2021-05-0${day + 2}`, start: '13:00', end: '14:00' });
    }
  }
  writeFileSync(join(dir, 'agenda.json'), JSON.stringify(agenda));
  return dir;
}
