// Which Slack mode the settings choose, without starting it.
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlack } from '../src/bots/slack/app.js';
import { slackMode } from '../src/bots/slack/mode.js';
import { readConfig } from '../src/core/config.js';
import { testBot, type TestBot } from './helpers/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await testBot('2021-05-04T14:00:00Z');
});
afterAll(() => bot.store.close());

describe('Slack settings', () => {
  it('uses Socket Mode with SLACK_APP_TOKEN, HTTP with a signing secret, and is off without a token', () => {
    const socket = createSlack(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }), bot.dispatcher, express());
    expect(socket?.mode).toBe('socket');
    const http = createSlack(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123456' }), bot.dispatcher, express());
    expect(http?.mode).toBe('http');
    expect(slackMode(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toBe('socket');
    expect(slackMode(readConfig({}))).toBeUndefined();
  });

  it('stops start-up on half a Slack configuration, naming the missing setting', () => {
    expect(() => readConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow('environment: SLACK_BOT_TOKEN is set but SLACK_SIGNING_SECRET is not: set SLACK_SIGNING_SECRET (Basic Information page of the app), or SLACK_APP_TOKEN for Socket Mode');
    expect(() => readConfig({ SLACK_SIGNING_SECRET: 'secret-123456' })).toThrow('environment: SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN (xoxb-…');
    expect(() => readConfig({ SLACK_SIGNING_SECRET: 'secret-123456', SLACK_APP_TOKEN: 'xapp-1' })).toThrow('SLACK_SIGNING_SECRET and SLACK_APP_TOKEN are set but SLACK_BOT_TOKEN is not');
    expect(readConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123456' }).SLACK_BOT_TOKEN).toBe('xoxb-1');
  });
});
