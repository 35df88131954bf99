// The second round of attacks, each over HTTP to `npm start` as a child process (the process itself is at stake) or to
// the real CLI: texts and fields at ten times a platform's own limit (or the largest body the endpoint takes) never
// stall the server; personal answers never land in a channel; a response_url outside Slack is refused; the calendar
// 404 echoes nothing; every answer says nosniff; debug logs hold no personal data.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/bot.js';
import { startE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { poll } from './helpers/poll.js';
import { eventCallback, signedPost, slashCommand } from './helpers/slack-requests.js';
import { registrationViewState } from './helpers/slack-modal.js';

/** Sends the attack, and meanwhile asks /healthz every 200 ms: the slowest answer it got while the attack ran. */
async function healthWhile(url: string, attack: () => Promise<unknown>): Promise<number> {
  let done = false;
  let slowest = 0;
  const probe = (async () => {
    while (!done) {
      const started = Date.now();
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      slowest = Math.max(slowest, Date.now() - started);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  try {
    await attack();
  } finally {
    done = true;
    await probe;
  }
  return slowest;
}

const ADMIN = 'UORG';

/** Waits until `check` holds. */
const until = (check: () => boolean, what: string, ms: number) => poll(() => check() || undefined, () => what, ms);

describe('cut before parsing: no text stalls the one thread', () => {
  it('a Teams message of 250,000 "<", a Slack DM of 120,000 "<@U|", 2,000 "@" given to invites, and a 200,000-character country keep /healthz answering', async () => {
    const e2e = await startE2e({ spawn: true, env: { CKEX_ADMINS: ADMIN } });
    try {
      const { server, connector, slack, events } = e2e;
      const slowest = await healthWhile(server.url, async () => {
        // Teams' own limit is about 28 KB; the endpoint takes 256 KB: the largest body it reads.
        expect((await postActivity(server.url, teamsActivity(connector.url, { text: '<'.repeat(250_000) }))).status).toBe(200);
        // Slack's own limit is 40,000 characters; ten times that, below the endpoint's 512 KB.
        expect((await eventCallback(events, { type: 'message', channel_type: 'im', channel: 'DX', user: 'UX', text: '<@U|'.repeat(100_000), ts: '1.1', event_ts: '1.1' })).status).toBe(200);
        expect((await eventCallback(events, { type: 'message', channel_type: 'im', channel: 'DORG', user: ADMIN, text: `invites ${'@'.repeat(1_992)}`, ts: '1.2', event_ts: '1.2' })).status).toBe(200);
        const country = 'K'.repeat(200_000);
        const modal = { type: 'view_submission', team: { id: 'T1' }, user: { id: 'UM' }, api_app_id: 'A1', token: 'legacy', trigger_id: 't1', view: { id: 'V1', type: 'modal', callback_id: 'ckex_register', private_metadata: JSON.stringify({ lang: 'en' }), state: { values: registrationViewState({ name: 'Amina', email: 'a@example.org', organisation: 'Ministry', country, role: 'practitioner', institution: 'ministry', region: '', nominatedBy: '', interpretation: 'ar', consent: 'yes' }) } } };
        const ack = await signedPost(events, new URLSearchParams({ payload: JSON.stringify(modal) }).toString(), 'application/x-www-form-urlencoded');
        expect(ack.status).toBe(200);
        expect(JSON.stringify(await ack.json())).toContain('too long');
        const card = teamsActivity(connector.url, { text: '', value: { ckexForm: 'registration', lang: 'en', name: 'Amina', email: 'b@example.org', organisation: 'Ministry', country, role: 'practitioner', institution: 'ministry', interpretation: 'ar', consent: 'yes' } });
        expect((await postActivity(server.url, card)).status).toBe(200);
        // Each answered, none lost in a stalled loop.
        await until(() => slack.calls.filter((c) => c.method === 'chat.postMessage' && ['DX', 'DORG'].includes(String(c.body.channel))).length >= 2, 'the answers', 20_000);
      });
      expect(slowest, server.logs().slice(-2000)).toBeLessThan(2_000);
      expect(server.logs()).not.toMatch(/unhandled rejection|uncaught exception/);
    } finally {
      await e2e.close();
    }
  }, 60_000);

  it('npm run invites reads a 6,000-character line of "@" at once', () => {
    const dir = tempDir();
    const file = join(dir, 'invites.csv');
    writeFileSync(file, `email\n${'@'.repeat(6_000)}\nok@example.org\n`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/invites.ts', 'import', file], { env: { ...process.env, DATA_DIR: dir, CKEX_NOW: '2021-05-04T14:00:00Z', LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/1\b/);
  });
});

describe('personal answers never land in a channel', () => {
  it('@CKEx pending and @CKEx me in a channel say where to ask, and post no name or email there', async () => {
    const e2e = await startE2e({ spawn: true, platforms: ['slack'], env: { CKEX_ADMINS: ADMIN } });
    try {
      const { slack, events } = e2e;
      // Someone registers, so pending has a name and an email to show.
      await eventCallback(events, { type: 'message', channel_type: 'im', channel: 'DP', user: 'UP', text: 'register', ts: '2.1', event_ts: '2.1' });
      await until(() => slack.calls.some((c) => c.body.channel === 'DP'), 'the answers', 10_000);
      for (const [i, text] of ['<@UBOT> pending', '<@UBOT> registrations', '<@UBOT> me'].entries()) {
        expect((await eventCallback(events, { type: 'app_mention', user: ADMIN, text, ts: `3.${i}`, channel: 'CPUBLIC', event_ts: `3.${i}` })).status).toBe(200);
      }
      await until(() => slack.calls.filter((c) => c.body.channel === 'CPUBLIC').length >= 3, 'the answers', 15_000);
      const inChannel = JSON.stringify(slack.calls.filter((c) => c.body.channel === 'CPUBLIC').map((c) => c.body));
      expect(inChannel).toContain('That is yours alone');
      expect(inChannel).not.toMatch(/@example\.org|Registrations:|Pending/);
    } finally {
      await e2e.close();
    }
  }, 60_000);
});

describe('the edges of the HTTP server', () => {
  it('refuses a signed request whose response_url is not Slack, says nosniff everywhere, and echoes no path in a 404', async () => {
    const e2e = await startE2e({ spawn: true, platforms: ['slack'] });
    try {
      const { server, slack, events } = e2e;
      const res = await slashCommand(events, 'today', 'https://evil.example/collect', 'U1');
      expect(res.status).toBe(400);
      expect(await res.text()).not.toMatch(/evil|Tuesday/);
      const marker = await slashCommand(events, 'help', slack.responseUrl('marker'), 'U1');
      expect(marker.status).toBe(200);
      for (const path of ['/healthz', '/readyz', '/ics/ckex.ics', '/nowhere']) expect((await fetch(`${server.url}${path}`)).headers.get('x-content-type-options')).toBe('nosniff');
      const probe = await fetch(`${server.url}/ics/${encodeURIComponent('<script>alert(1)</script>')}.ics`);
      expect(probe.status).toBe(404);
      expect(probe.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await probe.text()).not.toContain('<script>');
    } finally {
      await e2e.close();
    }
  }, 60_000);

  it('logs no personal data at LOG_LEVEL=debug, however much the Slack libraries would say', async () => {
    const e2e = await startE2e({ spawn: true, platforms: ['slack'], env: { LOG_LEVEL: 'debug' } });
    try {
      const { server, slack, events } = e2e;
      for (const [k, text] of ['register', 'Amina Diallo', 'amina.diallo@example.org'].entries()) {
        await eventCallback(events, { type: 'message', channel_type: 'im', channel: 'DL', user: 'UL', text, ts: `4.${k}`, event_ts: `4.${k}` });
        await until(() => slack.calls.filter((c) => c.body.channel === 'DL').length >= k + 1, 'the answers', 10_000);
      }
      expect(server.logs()).not.toMatch(/amina|Diallo|question 3 of 10/i);
    } finally {
      await e2e.close();
    }
  }, 60_000);
});
