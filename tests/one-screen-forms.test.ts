// The one-screen forms speak as forms, not as the chat: their own hints, placeholders, lists that never start
// blank, boxes whose sentence wraps and shows once, and on the Teams card a real error message for each field.
import type { ModalView } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formModal } from '../src/bots/slack/modal.js';
import { formCard } from '../src/bots/teams/form-card.js';
import { registrationFormView } from '../src/commands/registration-submit.js';
import { LANGS } from '../src/core/lang.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { testBot, type TestBot } from './helpers/bot.js';

/** Words that belong to the one-question-at-a-time conversation, not to a form. */
const CHAT_WORDING = /answer with|type skip|with a number|répondez par|tapez|un numéro|أجب برقم|اكتب تخطي|برقم/i;

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterAll(() => bot.store.close());

describe.each(LANGS)('the registration form in %s', (lang) => {
  const view = async () => registrationFormView({ ...(await bot.dispatcher.context({ id: `form-${lang}` }, '', { lang })), lang, t: bot.core.i18n.t(lang) });
  const t = (key: string) => bot.core.i18n.t(lang)(key);

  it('has form hints, placeholders and a chosen-nothing-yet text on every list', async () => {
    for (const field of (await view()).fields) {
      expect(field.help ?? '', field.id).not.toMatch(CHAT_WORDING);
      if (field.kind === 'select') expect(field.placeholder, field.id).toBe(t('form.choose'));
      if (field.kind === 'text' || field.kind === 'email') expect(field.placeholder, field.id).toBeTruthy();
    }
  });

  it('as a Slack modal: hints under the fields, placeholders, the consent sentence as the box', async () => {
    const modal = formModal(await view(), t('buttons.cancel'), '{}') as ModalView;
    const inputs = modal.blocks.filter((b) => b.type === 'input') as any[];
    for (const b of inputs) {
      if (b.hint) expect(b.hint.text).not.toMatch(CHAT_WORDING);
      if (b.element.type === 'static_select' || b.element.type === 'plain_text_input' || b.element.type === 'email_text_input') expect(b.element.placeholder?.text, b.block_id).toBeTruthy();
    }
    const consent = inputs.find((b) => b.block_id === 'consent');
    expect(consent.label.text).toBe(t('form.fields.consent.label'));
    expect(consent.element.options[0].text.text).toBe(t('form.consentLabel'));
  });

  it('as a Teams card: each field’s own error message, placeholders, wrapped boxes shown once', async () => {
    const card = formCard(await view(), lang);
    const inputs = card.body.filter((e) => String(e.type).startsWith('Input.')) as any[];
    for (const input of inputs) {
      if (input.isRequired) expect([t('form.errors.required'), t('form.errors.email'), t('form.errors.consentBox')], input.id).toContain(input.errorMessage);
      // The consent box names what it asks for.
      if (input.id === 'consent') expect(input.errorMessage).toBe(t('form.errors.consentBox'));
      if (input.type === 'Input.ChoiceSet') expect(input.placeholder).toBe(t('form.choose'));
      if (input.type === 'Input.Toggle') expect(input.wrap).toBe(true);
    }
    expect(inputs.find((i) => i.id === 'email').errorMessage).toBe(t('form.errors.email'));
    const consent = stripBidi(t('form.consentLabel'));
    expect(stripBidi(JSON.stringify(card)).split(consent).length - 1).toBe(1);
  });
});
