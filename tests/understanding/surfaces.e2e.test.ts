// Issue 11's "done when", through the real surfaces: `npm run chat` with piped lines, a Slack DM and /ckex through
// signed requests to the real receiver, a Teams personal chat through /api/messages. Every question the issue
// quotes reaches its sessions, items or action in the asker's language; a yes after "me delete" erases; a French
// participant's bare w1-d2-a is answered in French.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stripBidi } from '../../src/core/i18n/bidi.js';
import { FakeConnector, postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { tempDir } from '../helpers/bot.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { eventCallback, SIGNING_SECRET, slashCommand } from '../helpers/slack-requests.js';

const NOW = '2021-05-04T14:00:00Z'; // Tuesday 4 May 2021, 10:00 in Washington

/** One participant's conversation: each line and what its answer must show. */
type Conversation = [line: string, ...expected: string[]][];

const ENGLISH: Conversation = [
  ["what's on this afternoon?", 'Tuesday', 'no session in the afternoon', 'w1-d2-a'],
  ['talks about ageing', 'w4-d2-a', 'Ageing populations'],
  ['where is the ID4D session?', 'Digital ID (ID4D)', 'w2-d2-a'],
  ['hi', 'I am the CKEx bot'],
  ['thanks', "You're welcome"],
  ['today?', 'Tuesday', 'w1-d2-b'],
  ['week 2?', 'Week 2: Tools and innovations'],
  ['next week', 'Week 2: Tools and innovations'],
  ['agenda thursday', 'Thursday', 'w1-d4-a'],
  ['resources digital payments', 'Nothing in the library is about', 'w2-d2-b', 'Digital payments for social protection'],
  ['me delete', 'Are you sure?'],
  ['yes', 'I have erased everything'],
];

const FRENCH: Conversation = [
  ['quelles sont les sessions de jeudi', 'jeudi', 'w1-d4-a', 'w1-d4-b'],
  ['quelque chose sur les paiements mobiles ?', 'Paiements numériques', 'w2-d2-b'],
  ['bonjour', 'Je suis le bot du CKEx'],
  ['programme jeudi', 'jeudi', 'w1-d4-a'],
  ['w1-d2-a', 'chaînon manquant', 'Intervenants'],
  ['session w1-d2-a', 'chaînon manquant', 'Identifiant de la séance'],
  ['me delete', 'Voulez-vous vraiment'],
  ['oui', 'effacé'],
];

const ARABIC: Conversation = [
  ['ماذا يوجد يوم الأربعاء؟', 'الأربعاء', 'w1-d3-a', 'w1-d3-b'],
  ['جلسات عن كبار السن', 'w4-d2-a', 'شيخوخة السكان'],
  ['مرحبا', 'أنا بوت CKEx'],
  ['البرنامج 4 أيار', 'الثلاثاء', 'w1-d2-a', 'w1-d2-b'],
  ['w1-d2-a', 'الوصول إلى «الوسط المفقود»'],
  ['بياناتي حذف', 'هل أنت متأكد'],
  ['نعم', 'كل ما'],
];

const CONVERSATIONS = { en: ENGLISH, fr: FRENCH, ar: ARABIC };

function chat(lines: string[], dataDir: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/app/chat.ts'], {
    env: { ...process.env, NODE_ENV: 'production', LANG: 'C.UTF-8', CKEX_NOW: NOW, DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  return new Promise((resolve) => child.on('close', () => resolve(stripBidi(stdout))));
}

describe('the console (npm run chat)', () => {
  it.each(Object.entries(CONVERSATIONS))('answers the issue’s %s questions in their language, and a yes erases', async (_lang, conversation) => {
    const replies = (await chat(conversation.map(([line]) => line), tempDir())).split('\n\n').filter((r) => r.trim() !== '');
    expect(replies).toHaveLength(conversation.length);
    conversation.forEach(([line, ...expected], i) => {
      for (const e of expected) expect(replies[i]!.toLowerCase(), line).toContain(e.toLowerCase());
    });
  });
});

describe('Slack and Teams', () => {
  let slack: FakeSlack;
  let connector: FakeConnector;
  let server: TestServer;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    connector = await new FakeConnector().start();
    server = await startTestServer(NOW, { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
  });
  afterAll(async () => {
    await server.close();
    await slack.close();
    await connector.close();
  });
  beforeEach(() => {
    slack.calls.length = 0;
    connector.calls.length = 0;
  });

  const slackText = (call: { body: Record<string, any> }) => stripBidi(JSON.stringify(call.body.blocks ?? []));
  let ts = 0;

  it.each(Object.entries(CONVERSATIONS))('a Slack DM answers the issue’s %s questions in their language, and a yes erases', async (lang, conversation) => {
    const user = `UDM${lang.toUpperCase()}`;
    for (const [line, ...expected] of conversation) {
      slack.calls.length = 0;
      const stamp = `2.${++ts}`;
      await eventCallback(`${server.url}/slack/events`, { type: 'message', channel_type: 'im', channel: `D${lang}`, user, text: line, ts: stamp, event_ts: stamp });
      const [post] = await slack.waitFor('chat.postMessage');
      for (const e of expected) expect(slackText(post!).toLowerCase(), line).toContain(e.toLowerCase());
    }
    expect(await server.store.user(`slack:T1:${user}`)).toBeUndefined();
  });

  it('/ckex reads questions too, answering privately in the asker’s language', async () => {
    await slashCommand(`${server.url}/slack/events`, 'séances sur le handicap', slack.responseUrl(), 'USLASH');
    const [call] = await slack.waitFor('respond');
    expect(slackText(call!)).toContain('w4-d3-a');
    expect(slackText(call!)).toContain('Séances');
  });

  it('an @mention in a channel reads the question', async () => {
    await eventCallback(`${server.url}/slack/events`, { type: 'app_mention', user: 'UMENTION', text: '<@UBOT> when is the digital payments session?', ts: '3.1', channel: 'C1', event_ts: '3.1' });
    const [post] = await slack.waitFor('chat.postMessage');
    expect(slackText(post!)).toContain('Digital payments for social protection');
  });

  it.each(Object.entries(CONVERSATIONS))('a Teams personal chat answers the issue’s %s questions in their language, and a yes erases', async (lang, conversation) => {
    const from = { id: `29:${lang}-participant`, name: 'Participant' };
    const conversationRef = { id: `a:${lang}-chat`, conversationType: 'personal', tenantId: 'tenant-1' };
    for (const [line, ...expected] of conversation) {
      connector.calls.length = 0;
      await postActivity(server.url, teamsActivity(connector.url, { text: line, from, conversation: conversationRef }));
      const [call] = await connector.waitFor();
      const card = stripBidi(JSON.stringify(call!.activity.attachments?.[0]?.content ?? call!.activity.text));
      for (const e of expected) expect(card.toLowerCase(), line).toContain(e.toLowerCase());
    }
    expect(await server.store.user(`teams:${from.id}`)).toBeUndefined();
  });
});
