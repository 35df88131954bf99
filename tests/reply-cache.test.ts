// The morning's "today" is built once for everyone who shares its day, language, zone and stars (issue 26): the
// same reply for two such readers, and a new one after a star, an unstar, a day's change or a content reload.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { replyToText, type Reply } from '../src/core/reply.js';
import { testBot, tempDir, type TestBot } from './helpers/bot.js';

const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const text = (r: Reply) => stripBidi(replyToText(r));
const stars = (r: Reply) => JSON.stringify(r.blocks).match(/"command":"(un)?star [^"]+"/g);

let bot: TestBot;
let contentDir: string;

beforeEach(async () => {
  contentDir = tempDir();
  cpSync(new URL('../content', import.meta.url).pathname, contentDir, { recursive: true });
  bot = await testBot('2021-05-04T14:00:00Z', { CONTENT_DIR: contentDir, CKEX_ADMINS: 'UORG' });
});
afterEach(() => bot.store.close());

describe('the day reply, built once', () => {
  it('is the very same reply for two readers of one language and zone, and frozen', async () => {
    const a = await bot.reply('today', { id: 'slack:T1:UA', tz: 'America/New_York' });
    const b = await bot.reply('today', { id: 'slack:T1:UB', tz: 'America/New_York' });
    expect(b).toBe(a);
    expect(Object.isFrozen(a.blocks)).toBe(true);
    const paris = await bot.reply('today', { id: 'slack:T1:UC', tz: 'Europe/Paris' });
    expect(paris).not.toBe(a);
    expect(text(paris)).toContain('Paris');
    const fr = await bot.reply("aujourd'hui", { id: 'slack:T1:UD', tz: 'America/New_York' });
    expect(fr.lang).toBe('fr');
  });

  it('shows the reader’s own stars, and follows a star and an unstar', async () => {
    const who = { id: 'slack:T1:USTAR', tz: 'America/New_York' };
    const before = await bot.reply('today', who);
    await bot.reply('star w1-d2-a', who);
    const starred = await bot.reply('today', who);
    expect(stars(starred)).toContain('"command":"unstar w1-d2-a"');
    expect(stars(before)).not.toContain('"command":"unstar w1-d2-a"');
    expect(await bot.reply('today', { id: 'slack:T1:UOTHER', tz: 'America/New_York' })).toBe(before); // not hers
    await bot.reply('unstar w1-d2-a', who);
    expect(await bot.reply('today', who)).toBe(before);
  });

  it('is built again on the next day, and after a reload that changed the agenda', async () => {
    const who = { id: 'slack:T1:UDAY', tz: 'America/New_York' };
    const tuesday = await bot.reply('today', who);
    bot.clock.set('2021-05-05T14:00:00Z');
    const wednesday = await bot.reply('today', who);
    expect(text(wednesday)).toContain('Wednesday, 5 May 2021');
    const file = join(contentDir, 'agenda.json');
    const agenda = JSON.parse(readFileSync(file, 'utf8'));
    agenda.sessions.find((s: { id: string }) => s.id === 'w1-d3-a').title.en = 'A title changed by the organisers';
    writeFileSync(file, JSON.stringify(agenda, null, 2));
    await bot.reply('reload', ORGANISER);
    const reloaded = await bot.reply('today', who);
    expect(reloaded).not.toBe(wednesday);
    expect(text(reloaded)).toContain('A title changed by the organisers');
    expect(tuesday).not.toBe(wednesday);
  });
});
