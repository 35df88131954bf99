// npm start as a user runs it: a fresh process, real settings, real HTTP.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { tempDir } from './helpers/bot.js';
import { startE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { SIGNING_SECRET, slashCommand } from './helpers/slack-requests.js';
import { failedStart } from './helpers/spawn-server.js';

describe('npm start', () => {
  it('answers a signed /ckex week 2 with the week 2 agenda in Block Kit', async () => {
    const e2e = await startE2e({ spawn: true, platforms: ['slack'] });
    const { slack, server } = e2e;
    try {
      expect(((await (await fetch(`${server.url}/healthz`)).json()) as { slack: string }).slack).toBe('http');
      const res = await slashCommand(e2e.events, 'week 2', slack.responseUrl());
      expect(res.status).toBe(200);
      const [call] = await slack.waitFor('respond');
      expect(call!.body.blocks[0].text.text).toBe('Week 2: Tools and innovations');
      expect(stripBidi(JSON.stringify(call!.body.blocks))).toContain('w2-d1-a');
      expect(server.logs()).not.toContain('xoxb-test');
    } finally {
      expect(await server.stop()).toBe(0);
      await e2e.close();
    }
  });

  it('answers a Teams "week 2" with locale fr-FR with a French Adaptive Card (no app id: unauthenticated, outside production)', async () => {
    const e2e = await startE2e({ spawn: true, platforms: ['teams'] });
    const { connector, server } = e2e;
    try {
      expect(server.logs()).toContain('WITHOUT authentication');
      const res = await postActivity(server.url, teamsActivity(connector.url, { text: 'week 2', locale: 'fr-FR' }));
      expect(res.status).toBe(200);
      const [call] = await connector.waitFor();
      expect(call!.activity.attachments[0].content.body[0].text).toBe('Semaine 2\u00a0: Outils et innovations');
    } finally {
      await e2e.close();
    }
  });

  it('runs with Slack and Teams off in production without their settings, one log line each', async () => {
    const e2e = await startE2e({ spawn: true, platforms: [], now: null, env: { SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', MicrosoftAppId: '' } });
    const { server } = e2e;
    try {
      expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ slack: 'off', teams: 'off' });
      expect(server.logs().match(/Slack is off/g)).toHaveLength(1);
      expect(server.logs().match(/Teams is off/g)).toHaveLength(1);
      expect((await fetch(`${server.url}/api/messages`, { method: 'POST' })).status).toBe(404);
    } finally {
      await e2e.close();
    }
  });

  it('refuses to start with a Teams password but no app id', async () => {
    const { code, output } = await failedStart({ DATA_DIR: tempDir(), MicrosoftAppPassword: 'secret' });
    expect(code).toBe(1);
    expect(output).toContain('MicrosoftAppId');
  });

  it('refuses to start on half a Slack configuration, naming the missing setting', async () => {
    const { code, output } = await failedStart({ DATA_DIR: tempDir(), SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(code).toBe(1);
    expect(output).toContain('SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not');
    expect(output).not.toContain('    at '); // no stack trace
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const { code, output } = await failedStart({ DATA_DIR: tempDir(), SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(code).toBe(1);
    expect(output).toContain('SLACK_BOT_TOKEN');
    expect(output).toContain('xoxb-');
  });
});
