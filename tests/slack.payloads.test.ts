// Every Block Kit payload the commands produce, in English, French and Arabic, checked against Slack's documented
// limits (api.slack.com/reference/block-kit: blocks, block elements, composition objects; views) and against the
// layout order: text isolated first, then escaped, then date tokens, so no entity is split and no "<" is raw.
import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formModal } from '../src/bots/slack/modal.js';
import { renderHome, renderMessages } from '../src/bots/slack/render.js';
import { registrationFormView } from '../src/commands/registration-submit.js';
import { digestReply } from '../src/views/digest.js';
import { homeReply } from '../src/views/home.js';
import { LANGS, type Lang } from '../src/core/lang.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { testBot, type TestBot } from './helpers/bot.js';

const COMMANDS: Record<Lang, string[]> = {
  en: ['help', 'today', 'tomorrow', 'now', 'week 2', 'week 4', 'agenda 8 May', 'session w2-d3-a', 'resources', 'resources ethiopia', 'search digital payments', 'me', 'lang', 'register', 'todya', 'week 9'],
  fr: ['aide', "aujourd'hui", 'demain', 'maintenant', 'semaine 2', 'semaine 4', 'programme 8 mai', 'séance w2-d3-a', 'ressources', 'ressources Éthiopie', 'chercher paiements numériques', 'moi', 'langue', 'inscription', 'semaine 9'],
  ar: ['مساعدة', 'اليوم', 'غدا', 'الآن', 'الأسبوع 2', 'الأسبوع 4', 'البرنامج 8 مايو', 'جلسة w2-d3-a', 'موارد', 'موارد إثيوبيا', 'بحث المدفوعات الرقمية', 'بياناتي', 'لغة', 'تسجيل', 'الأسبوع 9'],
};

const LIMIT = { blocks: 50, homeBlocks: 100, section: 3000, header: 150, fields: 10, field: 2000, actions: 25, button: 75, value: 2000, actionId: 255, context: 10, text: 4000, modalTitle: 24, modalButton: 24, label: 2000, hint: 2000, placeholder: 150, options: 100, option: 75 };

/** Every limit a block breaks, and every text whose escaping or isolation is out of order. */
function problems(blocks: any[], where: string, maxBlocks: number): string[] {
  const out: string[] = [];
  const text = (t: { type: string; text: string } | undefined, max: number, what: string) => {
    if (!t) return;
    if (t.text.length > max) out.push(`${where}: ${what} of ${t.text.length} characters (limit ${max})`);
    if (t.type !== 'mrkdwn') return;
    // Outside date tokens, "<" never appears raw and "&" only starts an entity; no control sits inside an entity.
    const outside = t.text.replace(/<!date\^\d+\^[^|>]+\|[^>]*>/g, '');
    if (/[<>]/.test(outside)) out.push(`${where}: raw < or > in ${what}: ${t.text.slice(0, 60)}`);
    if (/&(?!amp;|lt;|gt;)/.test(outside)) out.push(`${where}: bare & in ${what}`);
    if (/&[\u200e\u200f\u2060\u2066-\u2069]|&[a-z]*[\u200e\u200f\u2060\u2066-\u2069][a-z]*;/.test(t.text)) out.push(`${where}: an entity split by a control in ${what}`);
  };
  if (blocks.length > maxBlocks) out.push(`${where}: ${blocks.length} blocks`);
  const ids = new Set<string>();
  for (const b of blocks) {
    if (b.type === 'header') text(b.text, LIMIT.header, 'header');
    if (b.type === 'section') {
      text(b.text, LIMIT.section, 'section');
      if (b.fields) {
        if (b.fields.length > LIMIT.fields) out.push(`${where}: ${b.fields.length} fields`);
        for (const f of b.fields) text(f, LIMIT.field, 'field');
      }
    }
    if (b.type === 'context') {
      if (b.elements.length > LIMIT.context) out.push(`${where}: ${b.elements.length} context elements`);
      for (const e of b.elements) text(e, LIMIT.section, 'context');
    }
    if (b.type === 'actions') {
      if (b.elements.length > LIMIT.actions) out.push(`${where}: ${b.elements.length} buttons`);
      for (const e of b.elements) {
        text(e.text, LIMIT.button, 'button');
        if (e.value && e.value.length > LIMIT.value) out.push(`${where}: button value of ${e.value.length}`);
        if (e.action_id.length > LIMIT.actionId || ids.has(e.action_id)) out.push(`${where}: action_id ${e.action_id} too long or repeated`);
        ids.add(e.action_id);
      }
    }
    if (b.type === 'input') {
      text(b.label, LIMIT.label, 'label');
      text(b.hint, LIMIT.hint, 'hint');
      if (b.element.placeholder) text(b.element.placeholder, LIMIT.placeholder, 'placeholder');
      if (b.element.options) {
        if (b.element.options.length > LIMIT.options) out.push(`${where}: ${b.element.options.length} options`);
        for (const o of b.element.options) text(o.text, LIMIT.option, 'option');
      }
    }
  }
  return out;
}

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterAll(() => bot.store.close());

describe('Block Kit payloads', () => {
  it.each(LANGS)('every command’s messages in %s keep Slack’s limits and isolate before escaping', async (lang) => {
    const found: string[] = [];
    for (const command of COMMANDS[lang]) {
      const reply = await bot.reply(command, { id: `payload-${lang}`, platformLocale: lang }, { lang });
      for (const dateTokens of [false, true]) {
        for (const m of renderMessages(reply, { dateTokens, shareCommand: command, shareLabel: 'Share' })) {
          found.push(...problems(m.blocks, `${lang} ${command}`, LIMIT.blocks));
          if (m.text.length > LIMIT.text) found.push(`${lang} ${command}: notification text of ${m.text.length}`);
          if (/[<>]/.test(m.text)) found.push(`${lang} ${command}: raw < or > in the notification text`);
        }
      }
    }
    const ctx = { ...(await bot.dispatcher.context({ id: `payload-${lang}` }, '', { lang })), lang, t: bot.core.i18n.t(lang) };
    found.push(...problems(renderHome(homeReply(ctx)).blocks, `${lang} home`, LIMIT.homeBlocks));
    for (const m of renderMessages(digestReply({ ...ctx, shared: true }, '2021-05-04', 'day'), { dateTokens: true })) found.push(...problems(m.blocks, `${lang} digest`, LIMIT.blocks));
    const modal = formModal(registrationFormView(ctx), bot.core.i18n.t(lang)('buttons.cancel'), '{}') as ModalView;
    found.push(...problems(modal.blocks, `${lang} modal`, LIMIT.homeBlocks));
    for (const [what, t] of [['title', modal.title], ['submit', modal.submit], ['close', modal.close]] as const) if (t && t.text.length > LIMIT.modalTitle) found.push(`${lang} modal ${what} of ${t.text.length}`);
    expect(found).toEqual([]);
  });

  it('escapes user text after isolating it, in Arabic too', async () => {
    const [m] = renderMessages({ lang: 'ar', blocks: [{ type: 'text', text: ['ابحث عن a<b> & <!channel> هنا'] }] }, { dateTokens: true });
    expect(problems(m!.blocks, 'user text', LIMIT.blocks)).toEqual([]);
    expect(stripBidi(JSON.stringify(m))).toContain('&lt;!channel&gt;');
  });
});
