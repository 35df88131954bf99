// npm start as a user runs it: a fresh process, real settings, real HTTP.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { tempDir } from './helpers/bot.js';
import { FakeSlack } from './helpers/fake-slack.js';
import { SIGNING_SECRET, slashCommand } from './helpers/slack-requests.js';
import { failedStart, spawnServer } from './helpers/spawn-server.js';

describe('npm start', () => {
  it('answers a signed /ckex week 2 with the week 2 agenda in Block Kit', async () => {
    const slack = await new FakeSlack().start();
    const server = await spawnServer({ DATA_DIR: tempDir(), SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, CKEX_NOW: '2021-05-04T14:00:00Z' });
    try {
      expect(((await (await fetch(`${server.url}/healthz`)).json()) as { slack: string }).slack).toBe('http');
      const res = await slashCommand(`${server.url}/slack/events`, 'week 2', slack.responseUrl());
      expect(res.status).toBe(200);
      const [call] = await slack.waitFor('respond');
      expect(call!.body.blocks[0].text.text).toBe('Week 2: Tools and innovations');
      expect(stripBidi(JSON.stringify(call!.body.blocks))).toContain('w2-d1-a');
      expect(server.logs()).not.toContain('xoxb-test');
    } finally {
      expect(await server.stop()).toBe(0);
      await slack.close();
    }
  });

  it('runs with Slack off, saying so in one log line', async () => {
    const server = await spawnServer({ DATA_DIR: tempDir(), SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' });
    try {
      expect(((await (await fetch(`${server.url}/healthz`)).json()) as { slack: string }).slack).toBe('off');
      expect(server.logs().match(/Slack is off/g)).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });

  it('refuses to start on a bad setting, naming it', async () => {
    const { code, output } = await failedStart({ DATA_DIR: tempDir(), SLACK_BOT_TOKEN: 'not-a-token', SLACK_SIGNING_SECRET: SIGNING_SECRET });
    expect(code).toBe(1);
    expect(output).toContain('SLACK_BOT_TOKEN');
    expect(output).toContain('xoxb-');
  });
});
