// Session and library links (issue 15): the join link only from CKEX_JOIN_LINK_MINUTES before the start until
// the end, on a clock the test moves; materials, recording, page and Open buttons; https only, refused at start-up
// naming the file, the field and the fix; agendas written before links had kinds still load.
import { poster } from './helpers/poster.js';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { renderCards } from '../src/bots/teams/render.js';
import { renderBlocks } from '../src/bots/slack/render.js';
import { joinLinkFor } from '../src/views/links.js';
import { ConfigError, readConfig } from '../src/core/config.js';
import { stripBidi } from '../src/core/i18n/bidi.js';
import type { Block, Button, Reply } from '../src/core/reply.js';
import { tempDir, testBot, type TestBot } from './helpers/bot.js';

const LINKS = {
  page: 'https://pretalx.example.org/ckex2021/talk/AB12CD/',
  join: 'https://meet.example.org/j/123456789',
  materials: 'https://example.org/ckex/w1-d1-a/slides.pdf',
  recording: 'https://example.org/ckex/w1-d1-a/recording',
};
const RESOURCE_URL = 'https://www.calpnetwork.org/publication/ethiopia-brief/';

type Json = Record<string, any>;

/** content/ copied to a temp folder, with its agenda and library edited. */
function contentWith(editAgenda: (agenda: Json) => void = () => {}, editLibrary: (library: Json) => void = () => {}): string {
  const dir = tempDir('ckex-links-');
  cpSync(new URL('../content', import.meta.url).pathname, dir, { recursive: true });
  const edit = (file: string, change: (json: Json) => void) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    change(json);
    writeFileSync(join(dir, file), JSON.stringify(json, null, 2));
  };
  edit('agenda.json', editAgenda);
  edit('resources.json', editLibrary);
  return dir;
}

/** w1-d1-a (Monday 3 May 2021, 08:30–10:00 Washington, 12:30–14:00 UTC) with all four links; ethiopia-brief with its address. */
const linked = () =>
  contentWith(
    (a) => Object.assign(a.sessions.find((s: Json) => s.id === 'w1-d1-a'), { links: LINKS }),
    (l) => Object.assign(l.resources.find((r: Json) => r.id === 'ethiopia-brief'), { url: RESOURCE_URL }),
  );

const buttonsOf = (reply: Reply): Button[] => reply.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
const contextOf = (reply: Reply): string[] => reply.blocks.flatMap((b: Block) => (b.type === 'context' ? [b.text.map((p) => (typeof p === 'string' ? p : p.text)).join('')] : []));
const joinOf = (reply: Reply) => buttonsOf(reply).find((b) => b.url === LINKS.join);

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.store.close();
  bot = undefined;
});

describe('joinLinkFor', () => {
  const start = DateTime.fromISO('2021-05-03T08:30', { zone: 'America/New_York' });
  const end = DateTime.fromISO('2021-05-03T10:00', { zone: 'America/New_York' });
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
  const session = { links: { join: LINKS.join } };

  it('is before, open from `minutes` before the start, and over at the end', () => {
    expect(joinLinkFor(session, start, end, at('2021-05-03T12:14:59Z'), 15)).toMatchObject({ state: 'before' });
    expect(joinLinkFor(session, start, end, at('2021-05-03T12:14:59Z'), 15)!.opensAt.toUTC().toISO()).toBe('2021-05-03T12:15:00.000Z');
    expect(joinLinkFor(session, start, end, at('2021-05-03T12:15:00Z'), 15)).toMatchObject({ state: 'open', url: LINKS.join });
    expect(joinLinkFor(session, start, end, at('2021-05-03T13:59:59Z'), 15)).toMatchObject({ state: 'open', url: LINKS.join });
    expect(joinLinkFor(session, start, end, at('2021-05-03T14:00:00Z'), 15)).toMatchObject({ state: 'over' });
  });

  it('with 0 minutes opens at the start; never gives the address outside the window; nothing without a join link', () => {
    expect(joinLinkFor(session, start, end, at('2021-05-03T12:29:59Z'), 0)!.state).toBe('before');
    expect(joinLinkFor(session, start, end, at('2021-05-03T12:30:00Z'), 0)!.state).toBe('open');
    expect(joinLinkFor(session, start, end, at('2021-05-03T11:00:00Z'), 15)).not.toHaveProperty('url');
    expect(joinLinkFor(session, start, end, at('2021-05-03T15:00:00Z'), 15)).not.toHaveProperty('url');
    expect(joinLinkFor({ links: { page: LINKS.page } }, start, end, at('2021-05-03T13:00:00Z'), 15)).toBeUndefined();
    expect(joinLinkFor({}, start, end, at('2021-05-03T13:00:00Z'), 15)).toBeUndefined();
  });
});

describe('the session card', () => {
  it('hides Join before the window and says when it appears, in the reader’s zone; shows the other links all along', async () => {
    bot = await testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: linked() });
    const reply = await bot.reply('session w1-d1-a');
    expect(joinOf(reply)).toBeUndefined();
    expect(buttonsOf(reply).filter((b) => b.url && !b.url.includes('/ics/'))).toEqual([
      { label: 'Materials', url: LINKS.materials },
      { label: 'Recording', url: LINKS.recording },
      { label: 'Session page', url: LINKS.page },
    ]);
    expect(contextOf(reply)).toContain('The Join button appears here on Monday, 3 May 2021 from 08:15.');
    // a reader in Paris reads 14:15
    const paris = await bot.reply('session w1-d1-a', { id: 'test:paris', tz: 'Europe/Paris' });
    expect(contextOf(paris)).toContain('The Join button appears here on Monday, 3 May 2021 from 14:15.');
    // a reader in Auckland: the link appears on their Tuesday
    const auckland = await bot.reply('session w1-d1-a', { id: 'test:auckland', tz: 'Pacific/Auckland' });
    expect(contextOf(auckland)).toContain('The Join button appears here on Tuesday, 4 May 2021 from 00:15.');
  });

  it('shows Join, first and primary, from 15 minutes before the start until the end; then it is gone', async () => {
    bot = await testBot('2021-05-03T12:15:00Z', { CONTENT_DIR: linked() });
    const open = await bot.reply('session w1-d1-a');
    expect(buttonsOf(open)[0]).toEqual({ label: 'Join', url: LINKS.join, style: 'primary' });
    expect(contextOf(open).join(' ')).not.toContain('Join button appears');
    bot.clock.set('2021-05-03T13:59:00Z');
    expect(joinOf(await bot.reply('session w1-d1-a'))).toBeDefined();
    bot.clock.set('2021-05-03T14:00:00Z');
    const over = await bot.reply('session w1-d1-a');
    expect(joinOf(over)).toBeUndefined();
    expect(contextOf(over).join(' ')).not.toContain('Join button appears');
    expect(buttonsOf(over).map((b) => b.label)).toContain('Recording');
  });

  it('CKEX_JOIN_LINK_MINUTES moves the window', async () => {
    bot = await testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: linked(), CKEX_JOIN_LINK_MINUTES: '60' });
    expect(bot.core.joinLinkMinutes).toBe(60);
    expect(joinOf(await bot.reply('session w1-d1-a'))).toBeDefined();
    bot.clock.set('2021-05-03T11:29:00Z');
    expect(joinOf(await bot.reply('session w1-d1-a'))).toBeUndefined();
  });

  it('speaks French and Arabic: « Rejoindre », «انضم», and when the button appears', async () => {
    bot = await testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: linked() });
    const fr = await bot.reply('séance w1-d1-a', { id: 'test:fr' }, { lang: 'fr' });
    expect(buttonsOf(fr).filter((b) => b.url?.startsWith('https://example.org') || b.url?.startsWith('https://pretalx')).map((b) => b.label)).toEqual(['Documents', 'Enregistrement', 'Page de la séance']);
    expect(contextOf(fr)).toContain('Le bouton «\u00a0Rejoindre\u00a0» apparaîtra ici le lundi 3 mai 2021 à partir de 08:15.');
    const ar = await bot.reply('جلسة w1-d1-a', { id: 'test:ar' }, { lang: 'ar' });
    expect(contextOf(ar).map(stripBidi).join(' ')).toContain('يظهر زر «انضم» هنا يوم');
    bot.clock.set('2021-05-03T12:20:00Z');
    expect(buttonsOf(await bot.reply('séance w1-d1-a', { id: 'test:fr' }, { lang: 'fr' }))[0]).toMatchObject({ label: 'Rejoindre', url: LINKS.join });
    expect(buttonsOf(await bot.reply('جلسة w1-d1-a', { id: 'test:ar' }, { lang: 'ar' }))[0]).toMatchObject({ label: 'انضم', url: LINKS.join });
  });

  it('renders as link buttons: Teams three actions a row at most, Slack url buttons; the time a reader’s own in Slack', async () => {
    bot = await testBot('2021-05-03T12:20:00Z', { CONTENT_DIR: linked(), PUBLIC_URL: 'https://ckex.example.org' });
    for (const lang of ['en', 'fr', 'ar'] as const) {
      const reply = await bot.reply('session w1-d1-a', { id: `test:cards-${lang}` }, { lang });
      const sets = renderCards(reply, { localTimes: false }).flatMap((c) => c.body).filter((e) => e.type === 'ActionSet') as { actions: { type: string; url?: string }[] }[];
      for (const set of sets) expect(set.actions.length).toBeLessThanOrEqual(3);
      expect(sets.flatMap((s) => s.actions).filter((a) => a.type === 'Action.OpenUrl').map((a) => a.url)).toEqual(expect.arrayContaining(Object.values(LINKS)));
    }
    bot.clock.set('2021-05-03T12:00:00Z');
    const slack = renderBlocks(await bot.reply('session w1-d1-a'), { dateTokens: true }) as any[];
    const when = slack.find((b) => b.type === 'context' && b.elements[0].text.includes('Join button'));
    expect(when.elements[0].text).toContain(`<!date^${Date.parse('2021-05-03T12:15:00Z') / 1000}^{time}|08:15>`);
    expect(slack.flatMap((b) => (b.type === 'actions' ? b.elements : [])).filter((e: any) => e.url === LINKS.materials)).toHaveLength(1);
  });

  it('a session without links shows no link buttons and no join line (the sample agenda)', async () => {
    bot = await testBot('2021-05-03T12:20:00Z');
    const reply = await bot.reply('session w1-d1-a');
    expect(buttonsOf(reply).filter((b) => b.url)).toEqual([]);
    expect(contextOf(reply).join(' ')).not.toContain('Join');
  });
});

describe('library items with an address', () => {
  it('get an Open button where they are listed and found; items without one do not', async () => {
    bot = await testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: linked() });
    for (const [text, lang, label] of [['resources ethiopia', 'en', 'Open'], ['ressources éthiopie', 'fr', 'Ouvrir'], ['موارد إثيوبيا', 'ar', 'افتح'], ['search ethiopia shock-responsive', 'en', 'Open']] as const) {
      const reply = await bot.reply(text, { id: `test:lib-${lang}` }, { lang });
      const opens = buttonsOf(reply).filter((b) => b.url !== undefined);
      expect(opens, text).toEqual([{ label, url: RESOURCE_URL }]);
      // the button follows its item
      const at = reply.blocks.findIndex((b) => b.type === 'actions' && b.buttons[0]?.url === RESOURCE_URL);
      const item = reply.blocks[at - 1];
      expect(item?.type === 'section' && item.title).toContain(lang === 'ar' ? 'إثيوبيا' : lang === 'fr' ? 'Éthiopie' : 'Ethiopia');
    }
    const week = await bot.reply('resources');
    expect(buttonsOf(week).filter((b) => b.url)).toEqual([{ label: 'Open', url: RESOURCE_URL }]);
  });
});

describe('https only, refused at start-up with the file, the field and the fix', () => {
  it('a join link over http', async () => {
    const dir = contentWith((a) => (a.sessions[0].links = { join: 'http://meet.example.org/j/1' }));
    await expect(testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: dir })).rejects.toThrow(
      `${join(dir, 'agenda.json')}: $.sessions[0].links.join: expected an https:// address with a domain name, such as https://example.org/page; write the full address starting with https://`,
    );
  });

  it('a resource url that is not https, an unknown link kind, an address with a password', async () => {
    const http = contentWith(undefined, (l) => (l.resources[2].url = 'ftp://files.example.org/report.pdf'));
    await expect(testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: http })).rejects.toThrow(`${join(http, 'resources.json')}: $.resources[2].url: expected an https:// address`);
    const kind = contentWith((a) => (a.sessions[1].links = { slides: LINKS.materials }));
    await expect(testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: kind })).rejects.toThrow(`${join(kind, 'agenda.json')}: $.sessions[1].links`);
    const password = contentWith((a) => (a.sessions[1].links = { page: 'https://zoom.us@evil.example.org/' }));
    await expect(testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: password })).rejects.toThrow('$.sessions[1].links.page: an address with a user name or password before "@" is refused; remove that part');
  });

  it('an agenda written by an earlier import (links as a list) loads: the first address is the session page', async () => {
    bot = await testBot('2021-05-03T12:20:00Z', { CONTENT_DIR: contentWith((a) => ((a.sessions[0].links = [LINKS.page, LINKS.materials]), (a.sessions[1].links = []))) });
    expect(bot.core.agenda.session('w1-d1-a')!.session.links).toEqual({ page: LINKS.page });
    expect(bot.core.agenda.session('w1-d1-b')!.session.links).toBeUndefined();
    expect(buttonsOf(await bot.reply('session w1-d1-a')).filter((b) => b.url)).toEqual([{ label: 'Session page', url: LINKS.page }]);
    // …and an old list whose first address is http is refused like any other
    const old = contentWith((a) => (a.sessions[0].links = ['http://example.org/x']));
    await expect(testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: old })).rejects.toThrow('$.sessions[0].links.page: expected an https:// address');
  });

  it('the sample content invents no links', () => {
    const read = (file: string) => readFileSync(new URL(`../content/${file}`, import.meta.url), 'utf8');
    const agenda = JSON.parse(read('agenda.json'));
    expect(agenda.sample).toBe(true);
    expect(agenda.sessions.filter((s: Json) => s.links !== undefined)).toEqual([]);
    expect(JSON.parse(read('resources.json')).resources.filter((r: Json) => r.url !== undefined)).toEqual([]);
    for (const file of ['agenda.json', 'event.json']) expect(read(file), file).not.toMatch(/https?:\/\//);
  });
});

describe('CKEX_JOIN_LINK_MINUTES', () => {
  it('defaults to 15 and takes 0 to 1440', () => {
    expect(readConfig({}).CKEX_JOIN_LINK_MINUTES).toBe(15);
    expect(readConfig({ CKEX_JOIN_LINK_MINUTES: '0' }).CKEX_JOIN_LINK_MINUTES).toBe(0);
    expect(readConfig({ CKEX_JOIN_LINK_MINUTES: '1440' }).CKEX_JOIN_LINK_MINUTES).toBe(1440);
  });

  it.each(['-1', '1441', '2.5', 'soon'])('refuses %s, naming the setting and the fix', (value) => {
    expect(() => readConfig({ CKEX_JOIN_LINK_MINUTES: value })).toThrow(ConfigError);
    expect(() => readConfig({ CKEX_JOIN_LINK_MINUTES: value })).toThrow(
      'environment: setting CKEX_JOIN_LINK_MINUTES: expected a whole number of minutes from 0 to 1440 (a day), such as 15: how long before a session starts its join link is shown',
    );
  });
});

describe('calendar files', () => {
  it('carry the session page, never the join link', async () => {
    bot = await testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: linked() });
    const reply = await bot.reply('session w1-d1-a');
    const ics = reply.files?.find((f) => f.name.endsWith('.ics'))?.content ?? '';
    expect(ics.replace(/\r\n /g, '')).toContain(`URL;VALUE=URI:${LINKS.page}`);
    expect(ics.replace(/\r\n /g, '')).not.toContain(LINKS.join);
  });
});

describe('reminders', () => {
  const dms: Reply[] = [];
  async function remindedAt(lead: string, at: string): Promise<Reply> {
    dms.length = 0;
    bot = await testBot('2021-05-03T11:00:00Z', { CONTENT_DIR: linked() });
    bot.core.notifier.register('slack', poster({ toUser: async (_u, reply) => (dms.push(reply), true), toChannel: async () => true }));
    const { PostScheduler } = await import('../src/scheduled/index.js');
    const scheduler = new PostScheduler(bot.core, bot.dispatcher);
    await bot.reply('star w1-d1-a', { id: 'slack:T1:U1' });
    await bot.reply(`remind ${lead}`, { id: 'slack:T1:U1' });
    bot.clock.set(at);
    await scheduler.tick();
    await scheduler.stop();
    expect(dms).toHaveLength(1);
    return dms[0]!;
  }

  it('give the join link only inside its window, as the card does, and say when it comes before', async () => {
    // w1-d1-a starts 12:30Z; the join link shows from 12:15Z (CKEX_JOIN_LINK_MINUTES 15).
    const early = await remindedAt('30', '2021-05-03T12:00:00Z');
    expect(buttonsOf(early).some((b) => b.url === LINKS.join)).toBe(false);
    expect(contextOf(early).join(' ')).toContain('The Join button shows on the session’s details from');
    await bot!.store.close();
    bot = undefined;
    const late = await remindedAt('10', '2021-05-03T12:20:00Z');
    expect(joinOf(late)).toBeDefined();
  });
});
