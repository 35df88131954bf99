// The announcements part of the store contract, on the lowdb store and on PostgreSQL (two pools on one database):
// stored once by id, counted by both instances at once, closed once, listed, erased with their organiser, purged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncStore } from '../src/core/store/async-store.js';
import { storeInstances, type Instances } from './helpers/store-instances.js';
import type { Announcement } from '../src/core/store/announcement.js';

const { stores } = storeInstances('announcements, posts, invites, nominations, registrations');

const at = (minute: number) => new Date(Date.UTC(2021, 4, 4, 14, minute)).toISOString();

const announcement = (id: string, more: Partial<Announcement> = {}): Announcement => ({
  id, by: 'slack:T1:UORG', audience: { kind: 'confirmed' }, text: { en: 'The plenary moves to room B.', fr: 'La plénière passe en salle B.' }, sendAt: at(30), status: 'scheduled', createdAt: at(0), sent: 0, unreachable: 0, ...more,
});

describe.each(stores)('store contract, announcements: %s', (_name, open) => {
  let a: AsyncStore;
  let b: AsyncStore;
  let instances: Instances;

  beforeEach(async () => {
    instances = await open();
    ({ a, b } = instances);
  });
  afterEach(() => instances.close());

  it('adds an announcement once by id, gives it back as stored, lists the latest first', async () => {
    expect(await a.addAnnouncement(announcement('AAAAA2'))).toBe(true);
    expect(await b.addAnnouncement(announcement('AAAAA2', { by: 'slack:T1:UOTHER' }))).toBe(false);
    expect(await b.addAnnouncement(announcement('AAAAA3', { sendAt: at(50), audience: { kind: 'region', region: 'MENA' }, text: { en: 'Hello', ar: 'مرحبا' } }))).toBe(true);
    expect(await b.announcement('AAAAA2')).toEqual(announcement('AAAAA2'));
    expect(await a.announcement('AAAAA9')).toBeUndefined();
    expect((await a.announcements(10)).map((x) => x.id)).toEqual(['AAAAA3', 'AAAAA2']);
    expect((await a.announcements(1)).map((x) => x.id)).toEqual(['AAAAA3']);
    expect((await b.announcementsBy('slack:T1:UORG')).map((x) => x.id)).toEqual(['AAAAA3', 'AAAAA2']);
    expect(await b.announcementsBy('slack:T1:UOTHER')).toEqual([]);
  });

  it('refuses what the schema refuses: a bad id, a text too long, an unknown audience', async () => {
    await expect(a.addAnnouncement(announcement('BAD'))).rejects.toThrow();
    await expect(a.addAnnouncement(announcement('AAAAA4', { text: { en: 'x'.repeat(1501) } }))).rejects.toThrow();
    await expect(a.addAnnouncement(announcement('AAAAA4', { audience: { kind: 'everyone' } as never }))).rejects.toThrow();
    expect(await a.announcements(10)).toEqual([]);
  });

  it('gives the scheduled ones whose time has come, counts what both instances send, closes once', async () => {
    await a.addAnnouncement(announcement('AAAAA2'));
    await a.addAnnouncement(announcement('AAAAA3', { sendAt: at(40) }));
    expect(await b.dueAnnouncements(at(29))).toEqual([]);
    expect((await b.dueAnnouncements(at(45))).map((x) => x.id)).toEqual(['AAAAA2', 'AAAAA3']);
    await Promise.all([a.countAnnouncementSent('AAAAA2'), b.countAnnouncementSent('AAAAA2'), a.countAnnouncementSent('AAAAA2')]);
    const [first, second] = await Promise.all([a.closeAnnouncement('AAAAA2', 'sent', at(46), 2), b.closeAnnouncement('AAAAA2', 'sent', at(46), 5)]);
    const closed = first ?? second;
    expect([first, second].filter(Boolean)).toHaveLength(1);
    expect(closed).toMatchObject({ status: 'sent', sent: 3, closedAt: at(46) });
    expect([2, 5]).toContain(closed!.unreachable);
    expect(await a.closeAnnouncement('AAAAA2', 'cancelled', at(47))).toBeUndefined();
    expect(await b.closeAnnouncement('AAAAA3', 'cancelled', at(47))).toMatchObject({ status: 'cancelled', unreachable: 0 });
    expect(await a.dueAnnouncements(at(59))).toEqual([]);
    expect(await a.closeAnnouncement('AAAAA9', 'sent', at(47))).toBeUndefined();
  });

  it('are erased with the organiser who made them, and purged with the personal data', async () => {
    await a.addAnnouncement(announcement('AAAAA2'));
    await a.addAnnouncement(announcement('AAAAA3', { by: 'teams:29:org' }));
    await a.claimPost('announce::slack:T1:UPART::AAAAA2');
    expect((await a.personalDataCounts()).announcements).toBe(2);
    await b.eraseUser('slack:T1:UORG');
    expect(await a.announcement('AAAAA2')).toBeUndefined();
    expect(await a.announcement('AAAAA3')).toBeDefined();
    // The recipient's key goes with the recipient: erased, they could be sent it again, never by anyone else.
    await b.eraseUser('slack:T1:UPART');
    expect(await a.claimPost('announce::slack:T1:UPART::AAAAA2')).toBe(true);
    expect((await b.purgePersonalData()).announcements).toBe(1);
    expect(await a.announcements(10)).toEqual([]);
  });

  it('gives the invited emails no registration holds, with the region of the nomination that invited them', async () => {
    await a.addInvites(['bee@example.org', 'amina@example.org'], 'slack:T1:UORG');
    await a.addNominations([{ id: 'NAAAA2', email: 'nadia@example.org', region: 'MENA', focalPoint: 'slack:T1:UFP', lang: 'fr', status: 'pending', createdAt: at(0) }]);
    expect(await b.invitedUnregistered()).toEqual([{ email: 'amina@example.org' }, { email: 'bee@example.org' }]);
    await b.decideNomination('NAAAA2', 'accepted', 'slack:T1:UORG', at(1));
    await a.saveRegistration({ id: 'RAAAA2', email: 'Amina@Example.org', name: 'Amina', organisation: 'Ministry', country: 'MA', role: 'policymaker', institution: 'ministry', region: 'MENA', interpretation: 'fr', consentAt: at(0), lang: 'en', status: 'pending', invited: true, userIds: ['slack:T1:UA'], createdAt: at(0), updatedAt: at(0) });
    expect(await b.invitedUnregistered()).toEqual([{ email: 'bee@example.org' }, { email: 'nadia@example.org', region: 'MENA' }]);
  });
});
