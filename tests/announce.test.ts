// The announce form through the core: who, the texts, when, a preview in each language; bad answers get the reason
// and change nothing; confirmed, it is stored scheduled; announcements lists it, and one still to come is cancelled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAudience, readWhen } from '../src/core/announcements/index.js';
import { DateTime } from 'luxon';
import { testBot, type TestBot } from './helpers/bot.js';

const ORGANISER = { id: 'slack:T1:UORG', adminIds: ['UORG'] };
const DM = { conversational: true };
let bot: TestBot;

beforeEach(async () => {
  bot = await testBot('2021-05-04T14:00:00Z', { CKEX_ADMINS: 'UORG' });
});
afterEach(async () => {
  await bot.store.close();
});

const say = (text: string) => bot.say(text, ORGANISER, DM);

describe('what the form reads', () => {
  const has = (id: string) => id === 'w1-d2-a';
  it('audiences by number, word or a word and a value, in three languages', () => {
    expect(readAudience('1', has)).toEqual({ ok: true, audience: { kind: 'confirmed' } });
    expect(readAudience('en attente', has)).toEqual({ ok: true, audience: { kind: 'pending' } });
    expect(readAudience('القنوات', has)).toEqual({ ok: true, audience: { kind: 'channels' } });
    expect(readAudience('région mena', has)).toEqual({ ok: true, audience: { kind: 'region', region: 'MENA' } });
    expect(readAudience('langue français', has)).toEqual({ ok: true, audience: { kind: 'interpretation', language: 'fr' } });
    expect(readAudience('starred w1-d2-a', has)).toEqual({ ok: true, audience: { kind: 'starred', session: 'w1-d2-a' } });
    expect(readAudience('region Africa', has)).toMatchObject({ ok: false, error: 'unknownRegion' });
    expect(readAudience('starred w9-d9-z', has)).toMatchObject({ ok: false, error: 'unknownSession' });
    expect(readAudience('my friends', has)).toMatchObject({ ok: false, error: 'audience' });
  });

  it('now, or a date and time in the organiser’s zone; never one past', () => {
    const now = DateTime.fromISO('2021-05-04T14:00:00Z');
    expect(readWhen('maintenant', 'Europe/Paris', now)).toMatchObject({ ok: true, now: true });
    const at = readWhen('2021-05-06 09:00', 'Europe/Paris', now);
    expect(at.ok && at.at.toISO()).toBe('2021-05-06T07:00:00.000Z');
    expect(readWhen('06/05/2021 9h30', 'Africa/Cairo', now)).toMatchObject({ ok: true });
    expect(readWhen('2021-05-03 09:00', 'Europe/Paris', now)).toEqual({ ok: false, error: 'past' });
    expect(readWhen('next tuesday-ish', 'Europe/Paris', now)).toEqual({ ok: false, error: 'when' });
  });
});

describe('announce', () => {
  it('asks who, the texts and when; shows each language; stores it scheduled once confirmed', async () => {
    expect(await say('announce')).toContain('Who is it for?');
    expect(await say('region Africa')).toContain('Africa is not a region');
    expect((await bot.store.form(ORGANISER.id))?.progress.answers.audience).toBeUndefined();
    expect(await say('1')).toContain('The text in English?');
    expect(await say('x'.repeat(1501))).toContain('at most 1500 characters');
    expect(await say('Today at 15:00 the plenary moves to room B.')).toContain('The text in French?');
    expect(await say('Aujourd’hui à 15 h, la plénière passe en salle B.')).toContain('The text in Arabic?');
    expect(await say('skip')).toContain('When should it go?');
    expect(await say('2021-05-03 09:00')).toContain('already passed');
    const preview = await say('2021-05-06 09:00');
    expect(preview).toContain('preview');
    expect(preview).toContain('la plénière passe en salle B');
    expect(preview).toContain('إعلان (باللغة الإنجليزية، لم يُترجم بعد)');
    expect(preview).toContain('Today at 15:00 the plenary moves to room B.');
    expect(await bot.store.announcements(10)).toEqual([]);
    expect(await say('confirm')).toMatch(/Announcement A[0-9A-Z]{5} is scheduled/);
    const [stored] = await bot.store.announcements(10);
    expect(stored).toMatchObject({ by: ORGANISER.id, audience: { kind: 'confirmed' }, status: 'scheduled', text: { en: 'Today at 15:00 the plenary moves to room B.' } });
    expect(stored!.text.ar).toBeUndefined();
    expect(await bot.store.form(ORGANISER.id)).toBeUndefined();
    const list = await say('announcements');
    expect(list).toContain(stored!.id);
    expect(list).toContain('Scheduled');
    expect(await say(`announcements cancel ${stored!.id}`)).toContain('is cancelled');
    expect((await bot.store.announcement(stored!.id))?.status).toBe('cancelled');
    expect(await say(`announcements cancel ${stored!.id}`)).toContain('can no longer be cancelled');
  });

  it('in French: the organiser’s words, the now button, cancel keeps nothing', async () => {
    expect(await say('annoncer')).toContain('À qui');
    expect(await say('langue arabe')).toContain('texte en anglais');
    await say('The room changes.');
    await say('passer');
    await say('passer');
    const preview = await say('maintenant');
    expect(preview).toContain('aperçu');
    expect(await say('annuler')).toContain('rien n’a été envoyé');
    expect(await bot.store.announcements(10)).toEqual([]);
  });

  it('only organisers, and only in a direct message', async () => {
    expect(await bot.say('announce', { id: 'slack:T1:UPART', adminIds: ['UPART'] }, DM)).toContain('organisers');
    expect(await bot.say('announcements', { id: 'slack:T1:UPART', adminIds: ['UPART'] }, DM)).toContain('organisers');
    expect(await bot.say('announce', ORGANISER, { conversational: false })).toContain('direct conversation');
  });
});
