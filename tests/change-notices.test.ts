// Change notices (issue 16): after `reload`, each person who starred a changed or removed session gets one message
// for all of them in their language and zone; subscribed channels a short update; the organisers a summary. Each
// goes once, also when another instance follows the same reload.
import { poster } from './helpers/poster.js';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { replyToText, type Reply } from '../src/core/reply.js';
import { PostScheduler } from '../src/scheduled/index.js';
import { testBot, tempDir, type TestBot } from './helpers/bot.js';

const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const ANNA = { id: 'slack:T1:UANNA' };
const LEILA = { id: 'teams:29:leila', tz: 'Asia/Riyadh' };

interface Sent {
  to: string;
  text: string;
  reply: Reply;
}

const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

let bot: TestBot;
let scheduler: PostScheduler;
let sent: Sent[];
let contentDir: string;

function editAgenda(edit: (agenda: { sample: boolean; sessions: Array<Record<string, any>> }) => void): void {
  const file = join(contentDir, 'agenda.json');
  const agenda = JSON.parse(readFileSync(file, 'utf8'));
  edit(agenda);
  writeFileSync(file, JSON.stringify(agenda, null, 2));
}

beforeEach(async () => {
  sent = [];
  contentDir = tempDir();
  cpSync(new URL('../content', import.meta.url).pathname, contentDir, { recursive: true });
  editAgenda((a) => (a.sample = false)); // the organisers' own agenda: its changes are real changes
  bot = await testBot('2021-05-03T12:00:00Z', { CONTENT_DIR: contentDir, CKEX_ADMINS: 'UORG', CKEX_ORGANISERS_CHANNEL: 'slack:CORG' });
  scheduler = new PostScheduler(bot.core, bot.dispatcher, { pacing: { slack: { perKey: 1000, global: 1000 }, teams: { perKey: 1000, global: 1000 } } });
  const record = (to: string, reply: Reply) => (sent.push({ to, text: spaced(stripBidi(replyToText(reply))), reply }), true);
  bot.core.notifier.register('slack', poster({ toUser: record, toChannel: record }));
  bot.core.notifier.register('teams', poster({ toUser: record, toChannel: record }));
});
afterEach(async () => {
  await scheduler.stop();
  await bot.store.close();
});

describe('after reload', () => {
  it('tells each person once about all their changed sessions, channels in a line, organisers a summary', async () => {
    await bot.say('star w1-d2-a', ANNA);
    await bot.say('star w1-d3-a', ANNA);
    await bot.say('star w1-d4-b', ANNA); // untouched: not in her notice
    await bot.say('أضف w1-d2-a', LEILA);
    await bot.say('subscribe fr 09:00 Europe/Paris', ORGANISER, { channel: { platform: 'slack', id: 'CFR' } });
    await scheduler.tick(); // the day's digest, caught up at once: what follows is the change alone
    sent.length = 0;
    editAgenda((a) => {
      const moved = a.sessions.find((s) => s.id === 'w1-d2-a')!;
      moved.start = '09:30';
      moved.end = '11:00';
      a.sessions.find((s) => s.id === 'w1-d3-a')!.title.en = 'Social insurance for the self-employed';
      a.sessions = a.sessions.filter((s) => s.id !== 'w1-d4-a');
    });
    const reloaded = spaced(await bot.say('reload', ORGANISER));
    expect(reloaded).toContain('Added 0, changed 2, removed 1.');
    expect(reloaded).toContain('gets one message listing their changes');
    await scheduler.tick();

    const anna = sent.filter((s) => s.to === ANNA.id);
    expect(anna).toHaveLength(1);
    expect(anna[0]!.text).toContain('== Schedule change ==');
    expect(anna[0]!.text).toContain('2 sessions in your agenda changed:');
    expect(anna[0]!.text).toContain('↻ Reaching the “missing middle”: now Tuesday, 4 May 2021, 09:30–11:00 — before: Tuesday, 4 May 2021, 08:30–10:00');
    expect(anna[0]!.text).toContain('✎ Social insurance for the self-employed: title changed.');
    expect(anna[0]!.text).not.toContain('w1-d4-b');
    const leila = sent.filter((s) => s.to === LEILA.id);
    expect(leila).toHaveLength(1);
    expect(leila[0]!.reply.lang).toBe('ar');
    expect(leila[0]!.text).toContain('طرأ تغيير على جلسة واحدة في جدولك');
    expect(leila[0]!.text).toContain('16:30'); // Riyadh
    const channel = sent.filter((s) => s.to === 'CFR');
    expect(channel.map((s) => s.text)).toEqual([expect.stringContaining('Mise à jour du programme : 2 modifiée(s), 0 ajoutée(s), 1 supprimée(s).')]);
    const organisers = sent.filter((s) => s.to === 'CORG');
    expect(organisers.map((s) => s.text)).toEqual([expect.stringContaining('People told about their starred sessions: 2; channels told: 1.')]);

    // Nothing more on the next ticks, and the same reload followed again (another instance) tells nobody twice.
    await scheduler.tick();
    bot.core.agendaChanges.push({ before: bot.core.content, after: bot.core.content });
    await scheduler.tick();
    expect(sent).toHaveLength(4);
  });

  it('a removed session is named as removed; a reload with no change tells nobody', async () => {
    await bot.say('star w1-d4-a', ANNA);
    expect(spaced(await bot.say('reload', ORGANISER))).toContain('The agenda is the same as before.');
    await scheduler.tick();
    expect(sent).toHaveLength(0);
    editAgenda((a) => (a.sessions = a.sessions.filter((s) => s.id !== 'w1-d4-a')));
    await bot.say('reload', ORGANISER);
    await scheduler.tick();
    const anna = sent.filter((s) => s.to === ANNA.id);
    expect(anna).toHaveLength(1);
    expect(anna[0]!.text).toContain('1 session in your agenda changed:');
    expect(anna[0]!.text).toContain('✕ Economic inclusion for households on the');
    expect(anna[0]!.text).toContain(': removed from the agenda.');
  });

  it('a notice that cannot be sent while a platform is away goes once when it is back, tried for six hours', async () => {
    await bot.say('star w1-d4-a', ANNA);
    await scheduler.tick();
    let away = true;
    const record = (to: string, reply: Reply) => (away ? false : (sent.push({ to, text: spaced(stripBidi(replyToText(reply))), reply }), true));
    bot.core.notifier.register('slack', poster({ toUser: record, toChannel: record }));
    sent.length = 0;
    editAgenda((a) => (a.sessions = a.sessions.filter((s) => s.id !== 'w1-d4-a')));
    await bot.say('reload', ORGANISER);
    for (let minute = 0; minute < 30; minute++) {
      await scheduler.tick(); // half an hour of ticks that cannot send
      bot.clock.advance(1);
    }
    expect(sent).toHaveLength(0);
    away = false;
    await scheduler.tick();
    await scheduler.tick();
    expect(sent.filter((s) => s.to === ANNA.id)).toHaveLength(1);

    // A second change that cannot be sent for longer than six hours is given up, not tried for ever.
    away = true;
    editAgenda((a) => (a.sessions.find((s) => s.id === 'w1-d3-a')!.title.en = 'Renamed'));
    await bot.say('star w1-d3-a', ANNA);
    await bot.say('reload', ORGANISER);
    await scheduler.tick();
    expect(bot.core.agendaChanges).toHaveLength(1);
    bot.clock.advance(6 * 60 + 1);
    await scheduler.tick();
    expect(bot.core.agendaChanges).toHaveLength(0);
  });

  it('another instance on the same store follows the reload and answers from it; the reloader alone tells, once', async () => {
    await bot.say('star w1-d2-a', ANNA);
    editAgenda((a) => (a.sessions.find((s) => s.id === 'w1-d2-a')!.start = '09:00'));
    // This core stands for the other instance: it learns of the reload made elsewhere through the store.
    const before = bot.core.content;
    await bot.say('reload', ORGANISER);
    const after = bot.core.content;
    bot.core.content = before; // as if this instance had not reloaded yet
    bot.core.agendaChanges.length = 0;
    await scheduler.tick(); // follows the stored version: reloads, tells nobody
    expect(bot.core.content).not.toBe(before);
    expect(JSON.stringify(bot.core.content.agenda)).toBe(JSON.stringify(after.agenda));
    expect(sent.filter((s) => s.to === ANNA.id)).toHaveLength(0);
    // The reloading instance's change: told once, and never again.
    bot.core.agendaChanges.push({ before, after });
    await scheduler.tick();
    bot.core.agendaChanges.push({ before, after });
    await scheduler.tick();
    expect(sent.filter((s) => s.to === ANNA.id)).toHaveLength(1);
  });

  it('a star pressed on a message in another language keeps the language the user writes in', async () => {
    await bot.say('what is on today?', ANNA);
    await bot.reply('star w1-d2-a', ANNA, { lang: 'fr' });
    expect((await bot.store.user(ANNA.id))?.lastLang).toBe('en');
  });
});
