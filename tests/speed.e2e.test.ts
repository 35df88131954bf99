// Issue 13, as a user sees it: the /ckex answer arrives in the ack itself (one HTTP round trip fewer); a modal
// still opens first; Teams replies before it stores the conversation reference.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity } from './helpers/fake-connector.js';
import { signedPost, slashCommandBody } from './helpers/slack-requests.js';

const e2e = useE2e();
const { slack, connector } = e2e;

describe('Slack answers in the ack', () => {
  it('/ckex today: the HTTP response is the private answer, and nothing goes through response_url', async () => {
    const res = await signedPost(e2e.events, slashCommandBody('today', slack.responseUrl('fast'), 'UFAST'), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(stripBidi(JSON.stringify(body.blocks))).toContain('Tuesday, 4 May 2021');
    // A /ckex register after it: once its modal is filled in, whatever today's answer still sent would have come.
    await signedPost(e2e.events, slashCommandBody('register', slack.responseUrl('marker'), 'UMARK'), 'application/x-www-form-urlencoded');
    await slack.waitFor('views.update');
    expect(slack.of('respond')).toHaveLength(0);
  });

  it('/ckex register acks empty at once and opens the modal (a trigger_id lives 3 s)', async () => {
    const res = await signedPost(e2e.events, slashCommandBody('register', slack.responseUrl('modal'), 'UMODAL'), 'application/x-www-form-urlencoded');
    expect(await res.text()).toBe('');
    await slack.waitFor('views.open');
  });

  it.each([['how do I register?'], ['comment m’inscrire ?'], ['تسجيل استماره']])('%s opens the modal too', async (question) => {
    const res = await signedPost(e2e.events, slashCommandBody(question, slack.responseUrl('q'), 'UASK'), 'application/x-www-form-urlencoded');
    expect(await res.text()).toBe('');
    const [update] = await slack.waitFor('views.update');
    expect(update!.body.view.callback_id).toBe('ckex_register');
  });
});

describe('Teams replies first', () => {
  it('a first message is answered, and its conversation reference is stored after the reply', async () => {
    const res = await postActivity(e2e.server.url, teamsActivity(connector.url, { text: 'today', from: { id: '29:first' }, conversation: { id: 'a:first', conversationType: 'personal' } }));
    expect(res.status).toBe(200);
    const [call] = await connector.waitFor();
    expect(stripBidi(JSON.stringify(call!.activity))).toContain('Tuesday, 4 May 2021');
    expect(await e2e.server.store.conversation('a:first')).toMatchObject({ platform: 'teams', scope: 'personal' });
  });
});
