// Issue 10, attack by attack: each is sent over HTTP to the real server (`npm start` as a child process where the
// process itself is at stake, the same server in this process where the test must see the store), and each must be
// refused with the right status and change nothing. Who owns a registration, and replayed or retried Slack requests,
// are in security.registrations.e2e.test.ts.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { teamsMode } from '../src/bots/teams/mode.js';
import { readConfig } from '../src/core/config.js';
import { STORE_FILE } from '../src/store/lowdb/index.js';
import { tempDir } from './helpers/bot.js';
import { startE2e } from './helpers/e2e.js';
import { FakeConnector, postActivity, teamsActivity } from './helpers/fake-connector.js';
import { slashCommand } from './helpers/slack-requests.js';
import { poll } from './helpers/poll.js';
import { failedStart } from './helpers/spawn-server.js';

const text = (x: unknown) => stripBidi(JSON.stringify(x));
const APP_ID = '11111111-2222-3333-4444-555555555555';
const lines = (logs: string, pattern: RegExp) => logs.split('\n').filter((l) => pattern.test(l));

describe('Teams is closed unless asked to be open', () => {
  it.each([
    ['NODE_ENV=development', { NODE_ENV: 'development' }],
    ['no NODE_ENV', {}],
    ['TEAMS_ALLOW_UNAUTHENTICATED=0', { TEAMS_ALLOW_UNAUTHENTICATED: '0' }],
  ])('without an app id (%s) the settings turn Teams off', (_name, env) => {
    expect(teamsMode(readConfig(env))).toBeUndefined();
  });

  it('without an app id (NODE_ENV=Production, as the probe sent it) Teams is off with one log line, and /api/messages answers nobody', async () => {
    const { server, close } = await startE2e({ spawn: true, platforms: [], env: { NODE_ENV: 'Production' } });
    try {
      const res = await postActivity(server.url, teamsActivity('http://127.0.0.1:9/', { text: 'export' }));
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/<html|at .*\.js/i);
      expect(lines(server.logs(), /Teams is off/)).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('refuses to start with TEAMS_ALLOW_UNAUTHENTICATED=1 in production, however NODE_ENV is written', async () => {
    const { code, output } = await failedStart({ DATA_DIR: tempDir(), NODE_ENV: 'Production', TEAMS_ALLOW_UNAUTHENTICATED: '1' });
    expect(code).toBe(1);
    expect(output).toContain('TEAMS_ALLOW_UNAUTHENTICATED=1 is refused with NODE_ENV=production');
  });

  it('with an app id, a missing, forged or expired token is a short 401 with one log line, never library text', async () => {
    const { server, close } = await startE2e({ spawn: true, platforms: [], env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' } });
    try {
      const forged = `${Buffer.from('{"alg":"RS256","kid":"x"}').toString('base64url')}.${Buffer.from(JSON.stringify({ aud: APP_ID, iss: 'https://api.botframework.com', exp: 1 })).toString('base64url')}.c2ln`;
      const before = server.logs().split('\n').length;
      for (const authorization of [undefined, 'Bearer not-a-jwt', `Bearer ${forged}`]) {
        const res = await fetch(`${server.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify(teamsActivity('https://smba.trafficmanager.net/emea/', { text: 'export' })),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'unauthorized' });
      }
      // One more refusal after the three: once its line is in, every line they logged is in before it.
      const marker = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(teamsActivity('https://smba.trafficmanager.net/emea/', { text: 'export' })) });
      expect(marker.status).toBe(401);
      const logged = () => server.logs().split('\n').slice(before - 1).filter(Boolean);
      const refusals = () => logged().flatMap((line, i) => (line.includes('Teams request refused: 401') ? [i] : []));
      const markerAt = await poll(() => refusals()[3], () => `the fourth refusal in the log:\n${logged().join('\n')}`);
      const added = logged().slice(0, markerAt);
      expect(added).toHaveLength(3);
      expect(added.join('\n')).not.toMatch(/\n\s+at |jwks|-----BEGIN|"keys"/i);
    } finally {
      await close();
    }
  });
});

describe('hostile Teams activities (TEAMS_ALLOW_UNAUTHENTICATED=1)', () => {
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await new FakeConnector().start();
  });
  afterAll(async () => connector.close());

  it('10,000 nested arrays in `from` are a 400, and the process keeps answering', async () => {
    const { server, close } = await startE2e({ spawn: true, platforms: ['teams'], connector });
    try {
      // Written by hand: JSON.stringify itself overflows on 10,000 levels, which is the point of the attack.
      const activity = JSON.stringify(teamsActivity(connector.url, { text: 'today', from: { id: '29:deep', name: 'Deep', extra: '@@' } })).replace('"@@"', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
      expect(activity.length).toBeLessThan(25_000);
      const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: activity });
      expect(res.status).toBe(400);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const ok = await postActivity(server.url, teamsActivity(connector.url, { text: 'today' }));
      expect(ok.status).toBe(200);
    } finally {
      expect(server.child.exitCode).toBeNull();
      await close();
    }
  });

  it('answers only a serviceUrl on this machine, and a body over the limit is a 413', async () => {
    const { server, close } = await startE2e({ platforms: ['teams'], connector });
    try {
      const away = await postActivity(server.url, teamsActivity('https://evil.example/', { text: 'today', conversation: { id: 'a:evil', conversationType: 'personal' } }));
      expect(away.status).toBe(403);
      expect(await server.store.conversation('a:evil')).toBeUndefined();
      const huge = await postActivity(server.url, teamsActivity(connector.url, { text: 'today', channelData: { blob: 'x'.repeat(900_000) } }));
      expect(huge.status).toBe(413);
    } finally {
      await close();
    }
  });

  it('stores only what a conversation reference needs, however much an activity carries', async () => {
    const { server, dataDir, close } = await startE2e({ platforms: ['teams'], connector });
    try {
      for (let i = 0; i < 30; i++) {
        const activity = teamsActivity(connector.url, { text: 'help', conversation: { id: `a:big-${i}`, conversationType: 'personal', tenantId: 't', junk: 'x'.repeat(120_000) }, from: { id: `29:big-${i}`, name: 'y'.repeat(100_000) } });
        expect((await postActivity(server.url, activity)).status).toBe(200);
      }
      await connector.waitFor(30);
      const stored = (await server.store.conversation('a:big-0'))!;
      expect(JSON.stringify(stored).length).toBeLessThan(1_000);
      expect(JSON.stringify(stored)).not.toContain('yyyy');
      expect(statSync(join(dataDir, STORE_FILE)).size).toBeLessThan(50_000);
    } finally {
      await close();
    }
  });

  it('an organiser id is honoured only on its own platform', async () => {
    const { slack, server, events, close } = await startE2e({ connector, env: { CKEX_ADMINS: 'UADMIN,console:local' } });
    try {
      for (const id of ['UADMIN', 'console:local']) {
        connector.calls.length = 0;
        await postActivity(server.url, teamsActivity(connector.url, { text: 'export', from: { id, aadObjectId: id } }));
        const [call] = await connector.waitFor();
        expect(text(call!.activity)).toContain('only the organisers');
        expect(text(call!.activity)).not.toContain('/files/');
      }
      await slashCommand(events, 'registrations', slack.responseUrl(), 'UADMIN');
      const [answer] = await slack.waitFor('respond');
      expect(text(answer!.body.blocks)).toContain('registrations');
      expect(text(answer!.body.blocks)).not.toContain('only the organisers');
    } finally {
      await close();
    }
  });
});

describe('erasure, retention and the HTTP server', () => {
  it('start-up removes the temp files a killed write left, which hold a copy of the store', async () => {
    const dataDir = tempDir();
    const stale = join(dataDir, `.${STORE_FILE}.4242.7.tmp`);
    writeFileSync(stale, JSON.stringify({ registrations: { secret: 'erased data' } }));
    const { close } = await startE2e({ spawn: true, platforms: [], env: { DATA_DIR: dataDir } });
    try {
      expect(existsSync(stale)).toBe(false);
    } finally {
      await close();
    }
  });

  it('abandoned forms expire, and on the retention day personal data is erased; `retention` says what and when', async () => {
    const { server, dataDir, close } = await startE2e({ platforms: [], env: { CKEX_ADMINS: 'console:local' } });
    const organiser = { id: 'console:local' };
    try {
      const say = async (t: string, caller = organiser) => stripBidi(JSON.stringify((await server.dispatcher.handle(caller, t, { conversational: true })).blocks));
      expect(await say('retention')).toContain('Saturday, 27 November 2021, 184 days after');
      await say('invites someone@example.org');
      await say('register', { id: 'slack:T1:UHALF' });
      expect(await server.store.form('slack:T1:UHALF')).toBeDefined();
      server.clock.set('2021-06-10T14:00:00Z');
      await server.running.scheduler.tick();
      expect(await server.store.form('slack:T1:UHALF')).toBeUndefined();
      expect(await server.store.isInvited('someone@example.org')).toBe(true);
      server.clock.set('2021-11-27T12:00:00Z');
      await server.running.scheduler.tick();
      expect(await server.store.isInvited('someone@example.org')).toBe(false);
      // Nothing the purge erases is left, whatever kinds of personal data the store counts.
      const left = await server.store.personalDataCounts();
      expect(left).toMatchObject({ registrations: 0, invites: 0, forms: 0, conversations: 0 });
      expect(Object.entries(left).filter(([, n]) => n !== 0)).toEqual([]);
      expect(readFileSync(join(dataDir, STORE_FILE), 'utf8')).not.toContain('someone@example.org');
    } finally {
      await close();
    }
  });

  it('a malformed path is a short 400 with no stack trace; an unknown one a short 404', async () => {
    const { server, close } = await startE2e({ platforms: [] });
    try {
      for (const [path, status] of [['/ics/%ZZ', 400], ['/files/%E0%A4%A/x', 400], ['/nothing-here', 404]] as const) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status).toBe(status);
        const body = await res.text();
        expect(body).not.toMatch(/<html|URIError|at .*\.js|node_modules/i);
      }
    } finally {
      await close();
    }
  });

  it('a client trickling its request is cut off instead of holding the connection for minutes', async () => {
    const { server, close } = await startE2e({ platforms: [] });
    try {
      const port = Number(new URL(server.url).port);
      const closed = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write('POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
          const drip = setInterval(() => socket.write(' '), 500);
          let answer = '';
          socket.on('data', (d) => (answer += d));
          socket.on('close', () => {
            clearInterval(drip);
            resolve(answer);
          });
        });
      });
      expect(closed).toMatch(/^HTTP\/1\.1 408|^$/);
    } finally {
      await close();
    }
  }, 60_000);
});
