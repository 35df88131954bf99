// Issue 13, as a user sees it: the /ckex answer arrives in the ack itself (one HTTP round trip fewer); a modal
// still opens first; Teams replies before it stores the conversation reference.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { FakeConnector, postActivity, teamsActivity } from './helpers/fake-connector.js';
import { FakeSlack } from './helpers/fake-slack.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { signedPost, SIGNING_SECRET, slashCommandBody } from './helpers/slack-requests.js';

let slack: FakeSlack;
let connector: FakeConnector;
let server: TestServer;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  connector = await new FakeConnector().start();
  server = await startTestServer('2021-05-04T14:00:00Z', { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl });
});
afterAll(async () => {
  await server.close();
  await slack.close();
  await connector.close();
});
beforeEach(() => {
  slack.calls.length = 0;
  connector.calls.length = 0;
});

describe('Slack answers in the ack', () => {
  it('/ckex today: the HTTP response is the private answer, and nothing goes through response_url', async () => {
    const res = await signedPost(`${server.url}/slack/events`, slashCommandBody('today', slack.responseUrl('fast'), 'UFAST'), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(stripBidi(JSON.stringify(body.blocks))).toContain('Tuesday, 4 May 2021');
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.of('respond')).toHaveLength(0);
  });

  it('/ckex register acks empty at once and opens the modal (a trigger_id lives 3 s)', async () => {
    const res = await signedPost(`${server.url}/slack/events`, slashCommandBody('register', slack.responseUrl('modal'), 'UMODAL'), 'application/x-www-form-urlencoded');
    expect(await res.text()).toBe('');
    await slack.waitFor('views.open');
  });

  it.each([['how do I register?'], ['comment m’inscrire ?'], ['تسجيل استماره']])('%s opens the modal too', async (question) => {
    const res = await signedPost(`${server.url}/slack/events`, slashCommandBody(question, slack.responseUrl('q'), 'UASK'), 'application/x-www-form-urlencoded');
    expect(await res.text()).toBe('');
    const [update] = await slack.waitFor('views.update');
    expect(update!.body.view.callback_id).toBe('ckex_register');
  });
});

describe('Teams replies first', () => {
  it('a first message is answered, and its conversation reference is stored after the reply', async () => {
    const res = await postActivity(server.url, teamsActivity(connector.url, { text: 'today', from: { id: '29:first' }, conversation: { id: 'a:first', conversationType: 'personal' } }));
    expect(res.status).toBe(200);
    const [call] = await connector.waitFor();
    expect(stripBidi(JSON.stringify(call!.activity))).toContain('Tuesday, 4 May 2021');
    expect(await server.store.conversation('a:first')).toMatchObject({ platform: 'teams', scope: 'personal' });
  });
});
