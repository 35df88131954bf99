// Issue 11's "done when", through the real surfaces: `npm run chat` with piped lines, a Slack DM and /ckex through
// signed requests to the real receiver, a Teams personal chat through /api/messages. Every question the issue
// quotes reaches its sessions, items or action in the asker's language; a yes after "me delete" erases; a French
// participant's bare w1-d2-a is answered in French.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../../src/core/i18n/bidi.js';
import { tempDir } from '../helpers/bot.js';
import { NOW, slackDm, useE2e } from '../helpers/e2e.js';
import { postActivity, teamsActivity } from '../helpers/fake-connector.js';
import { eventCallback, slashCommand } from '../helpers/slack-requests.js';

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
  ['bonjour', 'Je suis l’assistant du CKEx'],
  ['programme jeudi', 'jeudi', 'w1-d4-a'],
  ['w1-d2-a', 'chaînon manquant', 'Intervenants'],
  ['session w1-d2-a', 'chaînon manquant', 'Identifiant'],
  ['me delete', 'Voulez-vous vraiment'],
  ['oui', 'effacé'],
];

const ARABIC: Conversation = [
  ['ماذا يوجد يوم الأربعاء؟', 'الأربعاء', 'w1-d3-a', 'w1-d3-b'],
  ['جلسات عن كبار السن', 'w4-d2-a', 'شيخوخة السكان'],
  ['مرحبا', 'أنا روبوت CKEx'],
  ['البرنامج 4 أيار', 'الثلاثاء', 'w1-d2-a', 'w1-d2-b'],
  ['w1-d2-a', 'الوصول إلى «الوسط المفقود»'],
  ['بياناتي حذف', 'هل تريد المتابعة'],
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
  const e2e = useE2e();
  const { slack, connector } = e2e;

  const slackText = (call: { body: Record<string, any> }) => stripBidi(JSON.stringify(call.body.blocks ?? []));

  it.each(Object.entries(CONVERSATIONS))('a Slack DM answers the issue’s %s questions in their language, and a yes erases', async (lang, conversation) => {
    const user = `UDM${lang.toUpperCase()}`;
    const dm = slackDm(e2e, `D${lang}`, user);
    for (const [line, ...expected] of conversation) {
      const post = await dm(line);
      for (const e of expected) expect(slackText(post).toLowerCase(), line).toContain(e.toLowerCase());
    }
    expect(await e2e.server.store.user(`slack:T1:${user}`)).toBeUndefined();
  });

  it('/ckex reads questions too, answering privately in the asker’s language', async () => {
    await slashCommand(e2e.events, 'séances sur le handicap', slack.responseUrl(), 'USLASH');
    const [call] = await slack.waitFor('respond');
    expect(slackText(call!)).toContain('w4-d3-a');
    expect(slackText(call!)).toContain('Séances');
  });

  it('an @mention in a channel reads the question', async () => {
    await eventCallback(e2e.events, { type: 'app_mention', user: 'UMENTION', text: '<@UBOT> when is the digital payments session?', ts: '3.1', channel: 'C1', event_ts: '3.1' });
    const [post] = await slack.waitFor('chat.postMessage');
    expect(slackText(post!)).toContain('Digital payments for social protection');
  });

  it.each(Object.entries(CONVERSATIONS))('a Teams personal chat answers the issue’s %s questions in their language, and a yes erases', async (lang, conversation) => {
    const from = { id: `29:${lang}-participant`, name: 'Participant' };
    const conversationRef = { id: `a:${lang}-chat`, conversationType: 'personal', tenantId: 'tenant-1' };
    for (const [line, ...expected] of conversation) {
      connector.calls.length = 0;
      await postActivity(e2e.server.url, teamsActivity(connector.url, { text: line, from, conversation: conversationRef }));
      const [call] = await connector.waitFor();
      const card = stripBidi(JSON.stringify(call!.activity.attachments?.[0]?.content ?? call!.activity.text));
      for (const e of expected) expect(card.toLowerCase(), line).toContain(e.toLowerCase());
    }
    expect(await e2e.server.store.user(`teams:${from.id}`)).toBeUndefined();
  });
});
