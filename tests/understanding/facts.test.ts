// content/event-faq.json: every fact in the three languages, answered in the asker's language with its buttons;
// `reload` takes an edited file and refuses a broken one, naming the file, the path and the fix.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent, ContentError } from '../../src/core/content/load.js';
import { tempDir, testBot, type TestBot } from '../helpers/bot.js';

const FACT_IDS = ['cost', 'eligibility', 'dates', 'virtual', 'nomination', 'registration', 'presenters', 'languages', 'session-format', 'audience', 'themes', 'join', 'materials', 'recordings', 'contact', 'privacy'];

function contentCopy(): string {
  const dir = tempDir('ckex-faq-');
  cpSync(new URL('../../content', import.meta.url).pathname, dir, { recursive: true });
  return dir;
}

let bot: TestBot | undefined;
afterEach(() => bot?.store.close());

describe('the event facts file', () => {
  it('holds the sixteen facts, each in en, fr and ar, with at most two buttons', () => {
    const { faq } = loadContent('content');
    expect(faq.facts.map((f) => f.id).sort()).toEqual([...FACT_IDS].sort());
  });

  it('answers in the asker’s language with the fact’s buttons; "who can attend?" starts no registration', async () => {
    bot = await testBot('2021-05-04T14:00:00Z');
    const caller = { id: 'slack:T1:facts' };
    const reply = await bot.reply('who can attend?', caller, { conversational: true });
    expect(reply.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.command) : []))).toEqual(['register']);
    expect(await bot.store.form(caller.id)).toBeUndefined();
    expect(await bot.say('qui peut participer ?', caller, { conversational: true })).toContain('sur invitation uniquement');
  });

  it('reload takes an edited fact, and refuses a sign naming a class that does not exist', async () => {
    const dir = contentCopy();
    bot = await testBot('2021-05-04T14:00:00Z', { CONTENT_DIR: dir, CKEX_ADMINS: 'UORG' });
    const file = join(dir, 'event-faq.json');
    const faq = JSON.parse(readFileSync(file, 'utf8'));
    faq.facts.find((f: { id: string }) => f.id === 'cost').text.en = 'Taking part costs nothing at all.';
    writeFileSync(file, JSON.stringify(faq));
    const admin = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
    await bot.reply('reload', admin);
    expect(await bot.say('is it free?')).toContain('Taking part costs nothing at all.');
    faq.facts[0].signs.en.push('free @nothing');
    writeFileSync(file, JSON.stringify(faq));
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(await bot.say('reload', admin)).toContain('"@nothing" is not one of the classes');
    expect(await bot.say('is it free?')).toContain('Taking part costs nothing at all.');
  });
});
