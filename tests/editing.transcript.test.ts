// What an editor reviews: the replies a participant sees in each language for the whole path (help, today, a week,
// a session, the library, an own-words answer, not understood, the whole registration, me, star, my agenda, remind,
// me delete), written to tests/output/replies/<lang>.txt as the console shows them and to slack-<lang>.txt as Block
// Kit draws them (each block's text, buttons as [label]). The rendered Teams cards are in tests/output/cards
// (tests/cards.browser.test.ts). The test checks only that every line of the path was answered.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnownBlock } from '@slack/types';
import { renderMessages } from '../src/bots/slack/render.js';
import type { Lang } from '../src/core/lang.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { renderText } from '../src/bots/console/render-text.js';
import { commandWords } from '../src/views/command-words.js';
import { testBot, type TestBot } from './helpers/bot.js';

const OUT = fileURLToPath(new URL('./output/replies/', import.meta.url));

/** The path, typed as a participant of each language would type it (registration answers included). */
const PATH: Record<Lang, string[]> = {
  en: ['help', 'today', 'week 2', 'session w2-d3-a', 'resources ethiopia', 'what is on about disability?', 'how do I fix my printer?', 'register', 'Amina Benali', 'amina@example.org', 'Ministry of Social Affairs', 'Morocco', 'policymaker', 'ministry', 'MENA', 'skip', 'french', 'yes', 'confirm', 'me', 'star w2-d3-a', 'my agenda', 'remind 15', 'remind off', 'me delete', 'no', 'me delete', 'yes'],
  fr: ['aide', "aujourd'hui", 'semaine 2', 'séance w2-d3-a', 'ressources Éthiopie', 'quelles séances sur le handicap ?', 'comment réparer mon imprimante ?', 'inscription', 'Camille Martin', 'camille@example.org', 'Ministère de la Solidarité', 'Sénégal', '1', '1', 'AFW', 'passer', 'français', 'oui', 'confirmer', 'moi', 'favori w2-d3-a', 'mon programme', 'rappel 15', 'rappel non', 'supprimer mes données', 'non', 'supprimer mes données', 'oui'],
  ar: ['مساعدة', 'اليوم', 'الأسبوع 2', 'جلسة w2-d3-a', 'موارد إثيوبيا', 'ما الجلسات عن الإعاقة؟', 'كيف أصلح الطابعة؟', 'تسجيل', 'ليلى حسن', 'leila@example.org', 'وزارة التضامن الاجتماعي', 'مصر', '1', '1', 'MENA', 'تخطي', 'العربية', 'نعم', 'تأكيد', 'بياناتي', 'أضف w2-d3-a', 'جدولي', 'تذكير 15', 'إيقاف التذكير', 'حذف بياناتي', 'لا', 'حذف بياناتي', 'نعم'],
};

/** A Block Kit message as a reader sees it, block by block: texts, then the buttons of a row as [label]. */
function blockText(block: KnownBlock): string {
  const b = block as { type: string; text?: { text: string }; fields?: Array<{ text: string }>; elements?: Array<{ type: string; text?: string | { text: string } }> };
  if (b.type === 'divider') return '———';
  if (b.type === 'actions') return (b.elements ?? []).map((e) => `[${typeof e.text === 'string' ? e.text : e.text?.text ?? e.type}]`).join(' ');
  if (b.type === 'context') return (b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : e.text?.text ?? '')).join(' ');
  return [b.text?.text, ...(b.fields ?? []).map((f) => f.text)].filter(Boolean).join('\n');
}

/** mrkdwn's three escapes, as Slack shows them. */
const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterAll(() => bot.store.close());

describe('the replies an editor reviews', () => {
  it.each(Object.keys(PATH) as Lang[])('%s: the whole path, written for review', async (lang) => {
    const caller = { id: `slack:T1:editor-${lang}`, tz: { en: 'America/New_York', fr: 'Europe/Paris', ar: 'Africa/Cairo' }[lang], platformLocale: lang };
    const out: string[] = [];
    const slack: string[] = [];
    for (const line of PATH[lang]) {
      const reply = await bot.reply(line, caller, { conversational: true });
      const answer = stripBidi(renderText(reply, commandWords(bot.dispatcher.registry, bot.core.i18n)));
      expect(answer.trim(), line).not.toBe('');
      out.push(`> ${line}\n${answer}\n`);
      const blocks = renderMessages(reply, { dateTokens: false }).map((m) => m.blocks.map(blockText).join('\n'));
      slack.push(`> ${line}\n${unescape(stripBidi(blocks.join('\n· · ·\n')))}\n`);
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}${lang}.txt`, out.join('\n'));
    writeFileSync(`${OUT}slack-${lang}.txt`, slack.join('\n'));
  });
});
