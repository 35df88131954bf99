// My agenda (issue 15) through the core, with the clock the test moves: star, unstar, my agenda, remind, and the
// reminders the scheduler sends: once per person and session, in their language and zone, across a restart,
// late when missed but never after the start, never after unstar or with reminders off.
import { poster } from './helpers/poster.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { replyToText, type Reply } from '../src/core/reply.js';
import { PostScheduler } from '../src/scheduled/index.js';
import { testBot, tempDir, type TestBot } from './helpers/bot.js';

const SLACK = { id: 'slack:T1:U1' };
const SLACK_FR = { id: 'slack:T1:UFR', tz: 'Europe/Paris' };
const TEAMS_AR = { id: 'teams:29:ar-user', tz: 'Asia/Riyadh' };

interface Dm {
  user: string;
  at: string;
  text: string;
  reply: Reply;
}

/** French typography puts (narrow) no-break spaces before : and inside « »; the tests read plain spaces. */
const spaced = (text: string): string => text.replace(/[ \u202f]/g, ' ');

let bot: TestBot;
let scheduler: PostScheduler;
let dms: Dm[];
let deliver: (user: string) => boolean;
let dataDir: string;

async function boot(now: string): Promise<void> {
  bot = await testBot(now, { DATA_DIR: dataDir, CKEX_ADMINS: 'UORG' });
  scheduler = new PostScheduler(bot.core, bot.dispatcher, { pacing: { slack: { perKey: 1000, global: 1000 }, teams: { perKey: 1000, global: 1000 } } });
  const sender = {
    toUser: async (user: string, reply: Reply) => {
      if (!deliver(user)) return false;
      // The feedback prompt after a session (tests/feedback.test.ts) is not a reminder: these tests count reminders.
      if (reply.blocks.some((b) => b.type === 'actions' && b.buttons.some((x) => x.command?.startsWith('feedback ')))) return true;
      dms.push({ user, at: bot.clock.now().toUTC().toISO()!, text: spaced(stripBidi(replyToText(reply))), reply });
      return true;
    },
    toChannel: async () => true,
  };
  bot.core.notifier.register('slack', poster(sender));
  bot.core.notifier.register('teams', poster(sender));
}

async function at(iso: string): Promise<void> {
  bot.clock.set(iso);
  await scheduler.tick();
}

async function restart(iso: string): Promise<void> {
  await scheduler.stop();
  await bot.store.close();
  await boot(iso);
}

beforeEach(async () => {
  dms = [];
  deliver = () => true;
  dataDir = tempDir();
  await boot('2021-05-04T12:00:00Z');
  const say = bot.say;
  bot.say = async (...args) => spaced(await say(...args)); // Tuesday 08:00 in Washington: w1-d2-a starts 12:30Z, w1-d2-b 14:30Z
});
afterEach(async () => {
  await scheduler.stop();
  await bot.store.close();
});

describe('star, unstar and my agenda', () => {
  it('stars a session, lists it in my agenda with its day, and unstars it', async () => {
    expect(await bot.say('my agenda', SLACK)).toContain('Your agenda is empty');
    const starred = await bot.say('star W1-D2-A', SLACK);
    expect(starred).toContain('★ Added to your agenda: Reaching the “missing middle”');
    expect(starred).toContain('I will remind you 10 minutes before it starts.');
    expect(await bot.say('star w1-d2-a', SLACK)).toContain('Already in your agenda');
    const mine = await bot.say('my agenda', SLACK);
    expect(mine).toContain('Tuesday, 4 May 2021 · 08:30–10:00  Reaching the “missing middle”  (w1-d2-a)  [Unstar: unstar w1-d2-a]');
    expect(mine).toContain('A reminder comes 10 minutes before each session');
    expect(await bot.say('unstar w1-d2-a', SLACK)).toContain('Removed from your agenda');
    expect(await bot.say('unstar w1-d2-a', SLACK)).toContain('was not in your agenda');
    expect(await bot.say('my agenda', SLACK)).toContain('Your agenda is empty');
  });

  it('answers in French and Arabic with their own command words', async () => {
    expect(await bot.say('favori w1-d2-b', SLACK_FR)).toContain('★ Séance ajoutée à votre agenda : Protection sociale');
    const mine = await bot.say('mon programme', SLACK_FR);
    expect(mine).toContain('== Mon agenda ==');
    expect(mine).toContain('[Retirer : retirer w1-d2-b]');
    expect(mine).toContain('arrêter les rappels');
    expect(await bot.say('أضف w1-d2-b', TEAMS_AR)).toContain('أُضيفت إلى جدولك');
    expect(await bot.say('جدولي', TEAMS_AR)).toContain('[أزل من جدولي: أزل w1-d2-b]');
  });

  it('refuses what is not a session, and says when a starred session has already started', async () => {
    expect(await bot.say('star w9-d9-z', SLACK)).toContain('There is no session "w9-d9-z"');
    expect(await bot.say('star banana', SLACK)).toContain('is not a session id');
    bot.clock.set('2021-05-04T13:00:00Z');
    expect(await bot.say('star w1-d2-a', SLACK)).toContain('It has already started: no reminder for this one.');
  });

  it('marks what I starred in today and on the welcome view, and offers the star to the others', async () => {
    await bot.say('star w1-d2-a', SLACK);
    const today = await bot.say('today', SLACK);
    expect(today).toContain('(w1-d2-a)  [★ Starred: unstar w1-d2-a]');
    expect(today).toContain('(w1-d2-b)  [☆ Star: star w1-d2-b]');
    // A reply many people read offers the star to everyone, whatever its asker starred.
    expect(await bot.say('today', SLACK, { shared: true })).toContain('(w1-d2-a)  [☆ Star: star w1-d2-a]');
  });

  it('shows organisers the most starred sessions in registrations', async () => {
    await bot.say('star w1-d2-a', SLACK);
    await bot.say('star w1-d2-a', SLACK_FR);
    await bot.say('star w1-d2-b', SLACK_FR);
    const stats = await bot.say('registrations', { id: 'slack:T1:UORG', adminIds: ['UORG'] });
    expect(stats).toContain('Most starred sessions: Reaching the “missing middle” (w1-d2-a): 2\nSocial protection for… (w1-d2-b): 1');
  });
});

describe('remind', () => {
  it('sets minutes, turns reminders off and on, and refuses what is not minutes', async () => {
    expect(await bot.say('remind', SLACK)).toContain('Reminders come 10 minutes before');
    expect(await bot.say('remind 15 min', SLACK)).toContain('Done: a reminder will come 15 minutes before');
    expect(await bot.say('remind off', SLACK)).toContain('No reminders');
    expect(await bot.say('rappel 5', SLACK_FR)).toContain('5 minutes avant');
    expect(await bot.say('تذكير ٣٠', TEAMS_AR)).toContain('30 دقيقة');
    expect(await bot.say('remind soon', SLACK)).toContain('is not a number of minutes');
    expect(await bot.say('remind 2000', SLACK)).toContain('is not a number of minutes');
  });
});

describe('reminders', () => {
  it('sends one reminder before the session, in the user’s language and zone, with details and unstar', async () => {
    await bot.say('favori w1-d2-a', SLACK_FR);
    await at('2021-05-04T12:19:00Z');
    expect(dms).toHaveLength(0);
    await at('2021-05-04T12:20:00Z');
    expect(dms).toHaveLength(1);
    expect(dms[0]!.user).toBe(SLACK_FR.id);
    expect(dms[0]!.reply.lang).toBe('fr');
    expect(dms[0]!.text).toContain('Rappel : Atteindre le « chaînon manquant »');
    expect(dms[0]!.text).toContain('Début dans 10 minutes : 14:30–16:00'); // Paris time
    expect(dms[0]!.reply.blocks.at(-1)).toMatchObject({ type: 'actions', buttons: [{ command: 'session w1-d2-a' }, { command: 'unstar w1-d2-a' }] });
    await at('2021-05-04T12:21:00Z');
    await at('2021-05-04T12:29:50Z');
    expect(dms).toHaveLength(1);
  });

  it('is sent once across a restart, and one missed while the bot was down goes out late before the start', async () => {
    await bot.say('star w1-d2-a', SLACK);
    await bot.say('star w1-d2-b', SLACK);
    await at('2021-05-04T12:20:00Z');
    expect(dms.map((d) => d.text.split('\n')[0])).toEqual(['== ⏰ Reminder: Reaching the “missing middle” ==']);
    await restart('2021-05-04T12:25:00Z');
    await at('2021-05-04T12:25:00Z');
    expect(dms).toHaveLength(1);
    // Down from 14:00Z to 14:25Z: w1-d2-b's reminder (due 14:20Z) goes out at start-up, five minutes before.
    await restart('2021-05-04T14:25:00Z');
    await at('2021-05-04T14:25:00Z');
    expect(dms).toHaveLength(2);
    expect(dms[1]!.text).toContain('Starts in 5 minutes');
  });

  it('is never sent once the session has started, after unstar, or with reminders off', async () => {
    await bot.say('star w1-d2-a', SLACK);
    await bot.say('star w1-d2-b', SLACK);
    await bot.say('star w1-d2-b', SLACK_FR);
    await bot.say('unstar w1-d2-b', SLACK);
    await bot.say('rappel non', SLACK_FR);
    await restart('2021-05-04T12:31:00Z'); // down through w1-d2-a's reminder and start
    await at('2021-05-04T12:31:00Z');
    await at('2021-05-04T14:20:00Z');
    await at('2021-05-04T14:29:00Z');
    expect(dms).toHaveLength(0);
  });

  it('follows each person’s own lead, and tries again when a platform refused', async () => {
    await bot.say('star w1-d2-a', SLACK);
    await bot.say('remind 30', SLACK);
    await bot.say('أضف w1-d2-a', TEAMS_AR);
    deliver = (user) => user !== TEAMS_AR.id;
    await at('2021-05-04T12:05:00Z');
    expect(dms.map((d) => d.user)).toEqual([SLACK.id]);
    await at('2021-05-04T12:20:00Z');
    expect(dms.map((d) => d.user)).toEqual([SLACK.id]);
    deliver = () => true;
    await at('2021-05-04T12:20:10Z'); // a person the bot could not reach is tried again a minute later
    expect(dms.map((d) => d.user)).toEqual([SLACK.id]);
    await at('2021-05-04T12:21:00Z');
    expect(dms.map((d) => d.user)).toEqual([SLACK.id, TEAMS_AR.id]);
    expect(dms[1]!.reply.lang).toBe('ar');
    expect(dms[1]!.text).toContain('15:30'); // Riyadh
  });
});
