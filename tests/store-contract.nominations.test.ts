// The nominations part of the store contract, on the lowdb store and on PostgreSQL (two pools on one database):
// one nomination per email, decided once, an accepted email invited in the same write, erased and purged.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeInstances, type Instances } from './helpers/store-instances.js';
import type { AsyncStore } from '../src/core/store/async-store.js';
import type { Nomination } from '../src/core/store/nomination.js';
import type { Registration } from '../src/core/store/records.js';

const { stores } = storeInstances('nominations, invites, registrations, users');

const at = (minute: number) => new Date(Date.UTC(2021, 4, 3, 12, minute)).toISOString();

const nomination = (id: string, email: string, more: Partial<Nomination> = {}): Nomination => ({ id, email, region: 'MENA', focalPoint: 'slack:T1:UFP', lang: 'fr', status: 'pending', createdAt: at(0), ...more });

const registration = (id: string, email: string, userIds: string[]): Registration => ({
  id, email, name: 'Layla Haddad', organisation: 'Ministry', country: 'JO', role: 'policymaker', institution: 'ministry', region: 'MENA', interpretation: 'ar',
  consentAt: at(0), lang: 'ar', status: 'pending', invited: false, userIds, createdAt: at(0), updatedAt: at(0),
});

describe.each(stores)('store contract, nominations: %s', (_name, open) => {
  let a: AsyncStore;
  let b: AsyncStore;
  let instances: Instances;

  beforeEach(async () => {
    instances = await open();
    ({ a, b } = instances);
  });
  afterEach(() => instances.close());

  it('adds nominations once per email, names the ones already there, and finds them by id', async () => {
    const first = await a.addNominations([nomination('NAAAA2', 'amina@example.org', { name: 'Amina Benali' }), nomination('NAAAA3', 'omar@example.org')]);
    expect(first.added.map((n) => n.id)).toEqual(['NAAAA2', 'NAAAA3']);
    expect(first.already).toEqual([]);
    const again = await b.addNominations([nomination('NAAAA4', 'amina@example.org', { focalPoint: 'teams:29:other' }), nomination('NAAAA5', 'noor@example.org')]);
    expect(again).toEqual({ added: [nomination('NAAAA5', 'noor@example.org')], already: ['amina@example.org'] });
    expect(await b.nomination('NAAAA2')).toEqual(nomination('NAAAA2', 'amina@example.org', { name: 'Amina Benali' }));
    expect(await a.nomination('NAAAA4')).toBeUndefined();
    expect(await a.nomination('__proto__')).toBeUndefined();
  });

  it('refuses a nomination the schema refuses, and keeps none of its batch', async () => {
    await expect(a.addNominations([nomination('NAAAA2', 'ok@example.org'), nomination('NAAAA3', 'Upper@Example.org')])).rejects.toThrow();
    await expect(a.addNominations([nomination('NAAAA2', 'ok@example.org', { region: 'XYZ' as 'MENA' })])).rejects.toThrow();
    expect(await b.nominationCount('pending')).toBe(0);
  });

  it('lists one focal point’s nominations newest first, and the waiting ones oldest first, by region', async () => {
    await a.addNominations([nomination('NAAAA2', 'one@example.org', { createdAt: at(1) }), nomination('NAAAA3', 'two@example.org', { createdAt: at(2) })]);
    await a.addNominations([nomination('NAAAA4', 'three@example.org', { createdAt: at(3), focalPoint: 'teams:29:afw', region: 'AFW' })]);
    expect((await b.nominationsBy('slack:T1:UFP')).map((n) => n.id)).toEqual(['NAAAA3', 'NAAAA2']);
    expect((await b.nominationsBy('slack:T1:UOTHER'))).toEqual([]);
    expect((await b.nominationsWithStatus('pending', 10)).map((n) => n.id)).toEqual(['NAAAA2', 'NAAAA3', 'NAAAA4']);
    expect((await b.nominationsWithStatus('pending', 1)).map((n) => n.id)).toEqual(['NAAAA2']);
    expect((await b.nominationsWithStatus('pending', 10, 'AFW')).map((n) => n.id)).toEqual(['NAAAA4']);
    expect(await b.nominationCount('pending')).toBe(3);
    expect(await b.nominationCount('pending', 'MENA')).toBe(2);
    expect(await b.nominationCount('accepted')).toBe(0);
  });

  it('decides a nomination once; accepting invites its email, declining does not', async () => {
    await a.addNominations([nomination('NAAAA2', 'one@example.org'), nomination('NAAAA3', 'two@example.org')]);
    const accepted = await a.decideNomination('NAAAA2', 'accepted', 'slack:T1:UORG', at(5));
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'slack:T1:UORG', decidedAt: at(5) });
    expect(await b.isInvited('one@example.org')).toBe(true);
    expect(await b.decideNomination('NAAAA2', 'declined', 'slack:T1:UORG', at(6))).toBeUndefined();
    expect((await b.nomination('NAAAA2'))?.status).toBe('accepted');
    expect(await b.decideNomination('NAAAA3', 'declined', 'slack:T1:UORG', at(6))).toMatchObject({ status: 'declined' });
    expect(await a.isInvited('two@example.org')).toBe(false);
    expect(await a.decideNomination('NZZZZ9', 'accepted', 'slack:T1:UORG', at(6))).toBeUndefined();
    expect(await a.nominationCount('accepted')).toBe(1);
  });

  it('accept and decline from two instances at once: one decision stands', async () => {
    await a.addNominations([nomination('NAAAA2', 'race@example.org')]);
    const results = await Promise.all([a.decideNomination('NAAAA2', 'accepted', 'slack:T1:U1', at(5)), b.decideNomination('NAAAA2', 'declined', 'slack:T1:U2', at(5))]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await a.nomination('NAAAA2'))?.status).toBe(results.find(Boolean)!.status);
  });

  it('one email nominated from two instances at once: one nomination', async () => {
    const [x, y] = await Promise.all([a.addNominations([nomination('NAAAA2', 'same@example.org')]), b.addNominations([nomination('NAAAA3', 'same@example.org')])]);
    expect(x.added.length + y.added.length).toBe(1);
    expect(await a.nominationCount('pending')).toBe(1);
  });

  it('erasing a user erases the nominations they made and those of their registrations’ emails; the purge all', async () => {
    await a.addNominations([nomination('NAAAA2', 'one@example.org'), nomination('NAAAA3', 'layla@example.org', { focalPoint: 'teams:29:other' }), nomination('NAAAA4', 'kept@example.org', { focalPoint: 'teams:29:other' })]);
    await a.saveRegistration(registration('RAAAA2', 'layla@example.org', ['slack:T1:ULAYLA']));
    expect((await b.personalDataCounts()).nominations).toBe(3);
    await b.eraseUser('slack:T1:UFP');
    expect(await a.nomination('NAAAA2')).toBeUndefined();
    await b.eraseUser('slack:T1:ULAYLA');
    expect(await a.nomination('NAAAA3')).toBeUndefined();
    expect(await a.nomination('NAAAA4')).toBeDefined();
    expect((await a.purgePersonalData()).nominations).toBe(1);
    expect((await b.personalDataCounts()).nominations).toBe(0);
  });
});
