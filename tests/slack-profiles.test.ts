// The Slack profile cache under a rush (issue 26): an old profile is answered at once and refreshed behind the
// answer; a listener that is behind sheds users.info; the ack deadline counts from the request's arrival.
import { performance } from 'node:perf_hooks';
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { AckDeadline, RECEIVED_AT } from '../src/bots/slack/ack-budget.js';
import { SlackProfiles } from '../src/bots/slack/profiles.js';

/** users.info as a list of answers to come: each call waits for the test to answer it. */
function fakeClient() {
  const calls: { user: string; answer: (tz: string) => void }[] = [];
  const client = {
    users: {
      info: ({ user }: { user: string }) => new Promise((resolve) => calls.push({ user, answer: (tz) => resolve({ ok: true, user: { id: user, tz } }) })),
    },
  } as unknown as WebClient;
  return { client, calls };
}

describe('SlackProfiles', () => {
  it('sheds users.info when told: the defaults for someone unknown, and no call', async () => {
    const { client, calls } = fakeClient();
    const profiles = new SlackProfiles(client);
    expect(await profiles.get('UNEW', { shed: true, waitMs: 1000 })).toEqual({});
    expect(calls).toHaveLength(0);
  });

  it('answers a profile past its hour at once and refreshes it behind the answer', async () => {
    const { client, calls } = fakeClient();
    const profiles = new SlackProfiles(client, undefined, 0); // every profile is past its time at once
    const first = profiles.get('UOLD', { waitMs: 60_000 });
    calls[0]!.answer('Europe/Paris');
    expect(await first).toEqual({ tz: 'Europe/Paris' });
    // Old now: the old profile comes without waiting, and one refresh goes out.
    expect(await profiles.get('UOLD', { waitMs: 60_000 })).toEqual({ tz: 'Europe/Paris' });
    expect(calls.map((c) => c.user)).toEqual(['UOLD', 'UOLD']);
    calls[1]!.answer('Africa/Cairo');
    await new Promise((r) => setImmediate(r));
    expect(await profiles.get('UOLD', { shed: true })).toEqual({ tz: 'Africa/Cairo' }); // shed: the cache, no call
    expect(calls).toHaveLength(2);
  });
});

describe('AckDeadline', () => {
  it('counts from the arrival Bolt passes in the context', () => {
    const fresh = new AckDeadline(2200, { [RECEIVED_AT]: performance.now() });
    expect(fresh.remaining()).toBeGreaterThan(0);
    expect(fresh.profileWait(1000).shed).toBe(false);
    const behind = new AckDeadline(2200, { [RECEIVED_AT]: performance.now() - 5000 });
    expect(behind.remaining()).toBe(0);
    expect(behind.profileWait(1000)).toEqual({ waitMs: 0, shed: true });
  });

  it('starts with the listener when there is no arrival (Socket Mode)', () => {
    expect(new AckDeadline(2200, {}).profileWait(1000).shed).toBe(false);
  });
});
