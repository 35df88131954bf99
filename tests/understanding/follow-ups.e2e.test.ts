// Issue 23 through the real surfaces: a follow-up ("add it to my agenda", « ajoute-la à mon programme », «أضفها إلى
// جدولي») stars the session the previous answer showed, and a question about the event itself is answered from
// content/event-faq.json, on the console (npm run chat), a Slack DM and a Teams personal chat alike.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../../src/core/i18n/bidi.js';
import { tempDir } from '../helpers/bot.js';
import { NOW, slackDm, useE2e } from '../helpers/e2e.js';
import { postActivity, teamsActivity } from '../helpers/fake-connector.js';

type Conversation = [line: string, ...expected: string[]][];

const CONVERSATIONS: Record<'en' | 'fr' | 'ar', Conversation> = {
  en: [
    ['when is the session on digital payments?', 'Digital payments for social protection'],
    ['add it to my agenda', 'Added to your agenda: Digital payments for social protection'],
    ["what's on thursday?", 'w1-d4-a', 'w1-d4-b'],
    ['star the second one', 'Added to your agenda: Extending social assistance beyond the poorest'],
    ['who can attend?', 'by invitation only'],
  ],
  fr: [
    ['quand a lieu la séance sur les paiements numériques ?', 'Paiements numériques'],
    ['ajoute-la à mon programme', 'ajoutée à votre agenda'],
    ['programme de jeudi', 'w1-d4-a'],
    ['et le lendemain ?', 'Vendredi 7 mai', 'w1-d5-a'],
    ['qui peut participer ?', 'sur invitation uniquement'],
  ],
  ar: [
    ['متى جلسة المدفوعات الرقمية؟', 'المدفوعات الرقمية'],
    ['أضفها إلى جدولي', 'أُضيفت إلى جدولك'],
    ['من يمكنه المشاركة؟', 'تقتصر على المدعوين'],
  ],
};

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

describe('follow-ups and event facts on the console', () => {
  it.each(Object.entries(CONVERSATIONS))('%s', async (_lang, conversation) => {
    const replies = (await chat(conversation.map(([line]) => line), tempDir())).split('\n\n').filter((r) => r.trim() !== '');
    expect(replies).toHaveLength(conversation.length);
    conversation.forEach(([line, ...expected], i) => {
      for (const e of expected) expect(replies[i]!, line).toContain(e);
    });
  });
});

describe('follow-ups and event facts on Slack and Teams', () => {
  const e2e = useE2e();
  const slackText = (call: { body: Record<string, any> }) => stripBidi(JSON.stringify(call.body.blocks ?? []));

  it.each(Object.entries(CONVERSATIONS))('a Slack DM in %s', async (lang, conversation) => {
    const user = `UFOLLOW${lang.toUpperCase()}`;
    const dm = slackDm(e2e, `DF${lang}`, user);
    for (const [line, ...expected] of conversation) {
      const post = await dm(line);
      for (const e of expected) expect(slackText(post), line).toContain(e);
    }
    expect((await e2e.server.store.starsOf(`slack:T1:${user}`)).map((s) => s.sessionId)).toContain('w2-d2-b');
  });

  it.each(Object.entries(CONVERSATIONS))('a Teams personal chat in %s', async (lang, conversation) => {
    const from = { id: `29:${lang}-follower`, name: 'Participant' };
    const conversationRef = { id: `a:${lang}-follow-chat`, conversationType: 'personal', tenantId: 'tenant-1' };
    for (const [line, ...expected] of conversation) {
      e2e.connector.calls.length = 0;
      await postActivity(e2e.server.url, teamsActivity(e2e.connector.url, { text: line, from, conversation: conversationRef }));
      const [call] = await e2e.connector.waitFor();
      const card = stripBidi(JSON.stringify(call!.activity.attachments?.[0]?.content ?? call!.activity.text));
      for (const e of expected) expect(card, line).toContain(e);
    }
    expect((await e2e.server.store.starsOf(`teams:${from.id}`)).map((s) => s.sessionId)).toContain('w2-d2-b');
  });
});
