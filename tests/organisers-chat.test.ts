// The organisers' everyday work in chat (issue 16): pending with its buttons, decisions that replace the notice,
// overturning a decision asked first, invites naming what is no email, subscribe saying what it could not read,
// and subscription lists with channel names and zones.
import { poster } from './helpers/poster.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyToText, type Reply } from '../src/core/reply.js';
import type { Registration } from '../src/core/store/records.js';
import { testBot, type TestBot } from './helpers/bot.js';

const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const spaced = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

let bot: TestBot;
let told: { user: string; reply: Reply }[];

function registration(id: string, name: string, more: Partial<Registration> = {}): Registration {
  return {
    id,
    email: `${id.toLowerCase()}@example.org`,
    name,
    organisation: 'Ministry of Labour',
    country: 'SN',
    role: 'practitioner',
    institution: 'ministry',
    region: 'AFW',
    interpretation: 'fr',
    consentAt: '2021-05-01T10:00:00.000Z',
    lang: 'fr',
    status: 'pending',
    invited: false,
    userIds: [`slack:T1:U${id}`],
    createdAt: '2021-05-01T10:00:00.000Z',
    updatedAt: '2021-05-01T10:00:00.000Z',
    ...more,
  };
}

const say = async (text: string, options = {}) => spaced(await bot.say(text, ORGANISER, options));

beforeEach(async () => {
  told = [];
  bot = await testBot('2021-05-04T12:00:00Z', { CKEX_ADMINS: 'UORG' });
  bot.core.notifier.register('slack', poster({ toUser: async (user, reply) => (told.push({ user, reply }), true), toChannel: async () => true }));
  await bot.store.saveRegistration(registration('RAAAA2', 'Awa Ndiaye', { createdAt: '2021-05-01T10:00:00.000Z' }));
  await bot.store.saveRegistration(registration('RBBBB3', 'Bilal Haddad', { createdAt: '2021-05-02T10:00:00.000Z', country: 'MA', region: 'MENA' }));
  await bot.store.saveRegistration(registration('RCCCC4', 'Chloé Martin', { status: 'confirmed' }));
});
afterEach(() => bot.store.close());

describe('pending and decisions', () => {
  it('lists the registrations waiting, oldest first, each with Approve and Decline', async () => {
    const reply = await bot.reply('pending', ORGANISER);
    const text = spaced(await say('pending'));
    expect(text).toContain('== 2 registrations waiting for a decision ==');
    expect(text.indexOf('Awa Ndiaye (RAAAA2)')).toBeLessThan(text.indexOf('Bilal Haddad (RBBBB3)'));
    expect(text).toContain('Ministry of Labour · Senegal · Western and Central Africa (AFW) · raaaa2@example.org');
    expect(reply.blocks.filter((b) => b.type === 'actions').map((b) => b.type === 'actions' && b.buttons.map((x) => x.command))).toEqual([
      ['approve RAAAA2 list', 'decline RAAAA2 list'],
      ['approve RBBBB3 list', 'decline RBBBB3 list'],
    ]);
    expect(await say('pending', {})).not.toContain('RCCCC4');
    expect(spaced(await bot.say('pending', { id: 'slack:T1:USOMEONE' }))).not.toContain('Awa');
  });

  it('a decision from the notice replaces it for everyone, tells the participant once, and a second press shows it decided', async () => {
    const first = await bot.reply('approve raaaa2 notice', ORGANISER);
    expect(first.replacesSource).toBe(true);
    expect(spaced(await say('approve RAAAA2'))).toContain('Registration RAAAA2: Confirmed');
    expect(told.map((t) => t.user)).toEqual(['slack:T1:URAAAA2']);
    expect(told[0]!.reply.lang).toBe('fr');
    expect(spaced(await say('approve RAAAA2'))).toContain('Registration RAAAA2 is already Confirmed.');
    expect(told).toHaveLength(1);
    expect(await say('pending')).toContain('1 registration waiting');
  });

  it('a decision typed is a plain answer; one from the pending list shows the list as it now stands', async () => {
    expect((await bot.reply('approve RAAAA2', ORGANISER)).replacesSource).toBeUndefined();
    const fromList = await bot.reply('decline RBBBB3 list', ORGANISER);
    expect(fromList.replacesSource).toBe(true);
    const text = spaced(replyToText(fromList));
    expect(text).toContain('Registration RBBBB3 (Bilal Haddad) is now Declined');
    expect(text).toContain('No registration is waiting for a decision.');
    expect(fromList.blocks.some((b) => b.type === 'actions' && b.buttons.some((x) => x.command?.includes('RBBBB3')))).toBe(false);
  });

  it('overturning a decision asks first, and only a yes changes it', async () => {
    await say('approve RAAAA2');
    const asked = await bot.reply('decline RAAAA2', ORGANISER);
    expect(asked.replacesSource).toBeUndefined();
    expect(spaced(await say('decline RAAAA2'))).toContain('is already Confirmed. Change it to Declined? The participant will be told.');
    expect((await bot.store.registration('RAAAA2'))?.status).toBe('confirmed');
    expect(await say('yes')).toContain('Registration RAAAA2: Declined');
    expect((await bot.store.registration('RAAAA2'))?.status).toBe('declined');
    expect(told).toHaveLength(2);
    // The button of the question does the same.
    expect(await say('approve RAAAA2 confirm')).toContain('Registration RAAAA2: Confirmed');
  });

  it('a withdrawn registration has nothing to decide', async () => {
    await bot.store.saveRegistration(registration('RDDDD5', 'Dana', { status: 'withdrawn' }));
    expect(await say('approve RDDDD5')).toContain('was withdrawn by the participant: there is nothing to decide.');
    expect((await bot.store.registration('RDDDD5'))?.status).toBe('withdrawn');
  });
});

describe('invites and subscriptions', () => {
  it('invites names what is not an email, in every language', async () => {
    const reply = await say('invites a@x.org, bob, c@y; "d@z.org"');
    expect(reply).toContain('2 new invited emails');
    expect(reply).toContain('Not emails, left out: bob, c@y');
    expect(spaced(await bot.say('inviter bob', ORGANISER))).toContain('Pas une adresse e-mail, laissée de côté : bob');
  });

  it('subscribe says what it could not read', async () => {
    const channel = { channel: { platform: 'slack' as const, id: 'C1', name: '#general' } };
    expect(await say('subscribe xx', channel)).toContain('"xx" is not a language I post in: use ar, fr or en.');
    expect(await say('subscribe 25:00', channel)).toContain('"25:00" is not a time');
    expect(await say('subscribe Europe/Pariss', channel)).toContain('"Europe/Pariss" is not a time zone I know');
    expect(await say('subscribe banana', channel)).toContain('I could not read "banana": give a language (ar, fr or en), a time (08:00) and a time zone (Europe/Paris), in any order.');
  });

  it('lists subscriptions by channel name, with the zone named for people', async () => {
    await say('subscribe fr 09:00 Europe/Paris', { channel: { platform: 'slack', id: 'C1', name: '#general' } });
    await say('subscribe en', { channel: { platform: 'teams', id: '19:abc@thread.tacv2' } });
    const list = await say('subscriptions');
    expect(list).toContain('#general (Slack) · French · 09:00, Paris time (UTC+2) · next:');
    expect(list).toContain('teams:19:abc@thread.tacv2 · English · 08:00, Washington time (UTC-4)');
  });
});
