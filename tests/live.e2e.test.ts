// Live sessions end to end (issue 24), on Slack (signed requests to the real Bolt receiver, the fake Web API) and
// Teams (activities to /api/messages, the fake Bot Connector): the live post arrives once at T-5 in each subscribed
// channel in its language; three people ask (one in French, one anonymously); four vote (one with the post's 👍
// button); `questions` lists them by votes with the French one tagged; a moderator marks one answered and both posts
// are updated in place (chat.update of its ts, PUT of its activity); the organisers' export holds them.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { useE2e } from './helpers/e2e.js';
import { postActivity, teamsActivity, type ConnectorCall } from './helpers/fake-connector.js';
import { poll } from './helpers/poll.js';
import { blockAction, slashCommand } from './helpers/slack-requests.js';

const ORG_AAD = '0a0a0a0a-0000-4000-8000-00000000a0a0';
const e2e = useE2e({ now: '2021-05-04T12:20:00Z', env: { CKEX_ADMINS: `UORG,${ORG_AAD}`, PUBLIC_URL: 'http://127.0.0.1:9' } });
const { slack, connector } = e2e;
const text = (x: unknown) => stripBidi(JSON.stringify(x));
const TEAMS_CHANNEL = '19:live@thread.tacv2';
const isLive = (x: unknown) => /Live: |En direct/.test(text(x));

/** What a Slack user is answered to a /ckex line (the next response_url post). */
async function slash(line: string, user: string): Promise<string> {
  const before = slack.of('respond').length;
  await slashCommand(e2e.events, line, slack.responseUrl(user), user);
  const answers = await slack.waitFor('respond', before + 1);
  return text(answers[before]!.body.blocks ?? answers[before]!.body.text);
}

/** What a Teams user is answered in their personal chat with the bot. */
async function teams(line: string, from: string, locale = 'en-US'): Promise<string> {
  const conversation = `a:${from}`;
  const mine = (): ConnectorCall[] => connector.calls.filter((c) => c.conversationId === conversation);
  const before = mine().length;
  await postActivity(e2e.server.url, teamsActivity(connector.url, { text: line, locale, from: { id: from, name: 'Participant' }, conversation: { id: conversation, conversationType: 'personal', tenantId: 'tenant-1' } }));
  const got = await poll(() => (mine().length > before ? mine()[before] : undefined), () => `the answer to ${line}`);
  return text(got.activity);
}

/** The clock a second on, and the live posts' pending updates made now rather than within the second. */
async function aSecondLater(): Promise<void> {
  e2e.server.clock.set(e2e.server.clock.now().plus({ seconds: 1 }).toISO()!);
  await e2e.server.running.scheduler.live.updates.flush();
}

describe('live sessions on Slack and Teams', () => {
  it('done when: the live post at T-5 in each channel, three questions, four votes, the list by votes, answered in place, the export', async () => {
    // A Slack channel subscribed in English, a Teams channel in French.
    await slash('subscribe en 23:59', 'UORG');
    await postActivity(e2e.server.url, teamsActivity(connector.url, { conversationType: 'channel', conversation: { id: TEAMS_CHANNEL, conversationType: 'channel' }, from: { id: '29:org', aadObjectId: ORG_AAD }, text: '<at>CKEx</at> subscribe fr 23:59 America/New_York', entities: [{ type: 'mention', text: '<at>CKEx</at>', mentioned: { id: '28:ckex-bot' } }] }));
    await connector.waitForOne((c) => c.conversationId === TEAMS_CHANNEL);
    const scheduler = e2e.server.running.scheduler;
    await scheduler.tick(); // 08:20 in New York: w1-d2-a starts 08:30, too early
    expect(slack.of('chat.postMessage').filter(isLive)).toEqual([]);
    e2e.server.clock.set('2021-05-04T12:25:00Z');
    await scheduler.tick();
    await scheduler.tick();
    const slackPosts = slack.of('chat.postMessage').filter((c) => isLive(c.body.blocks));
    expect(slackPosts).toHaveLength(1);
    expect(slackPosts[0]!.body.channel).toBe('C1');
    const teamsPosts = connector.calls.filter((c) => c.conversationId === TEAMS_CHANNEL && !c.updates && isLive(c.activity));
    expect(teamsPosts).toHaveLength(1);
    expect(text(teamsPosts[0]!.activity)).toContain('poser w1-d2-a');
    const stored = await e2e.server.store.livePosts('w1-d2-a');
    const ts = stored.find((p) => p.channel === 'slack:C1')!.ref.ts!;
    const activityId = stored.find((p) => p.channel === `teams:${TEAMS_CHANNEL}`)!.ref.activityId!;
    expect(ts).toBeTruthy();
    expect(activityId).toMatch(/^sent-/);

    // Three ask: in English on Slack, in French on Teams, anonymously on Slack.
    expect(await slash('ask w1-d2-a How do the rails reach rural merchants?', 'UAMINA')).toContain('q1');
    expect(await teams('poser w1-d2-a Comment protéger les données des usagers ?', '29:jean', 'fr-FR')).toContain('q2');
    const anonymous = await slash('ask anonymously w1-d2-a Who pays the fees?', 'USARA');
    expect(anonymous).toContain('q3');
    expect(anonymous).toContain('without your name');

    // Four vote for q2, one by the 👍 button of the live post in the Slack channel; one also for q3.
    await aSecondLater();
    const post = slack.updatesOf(ts).at(-1)!;
    const thumbs = (post.body.blocks as Array<{ accessory?: { value?: string } }>).map((b) => b.accessory?.value).find((v) => v?.includes('vote q2'))!;
    await blockAction(e2e.events, { user: { id: 'UV1' }, container: { type: 'message', is_ephemeral: false }, channel: { id: 'C1' }, response_url: slack.responseUrl('thumbs'), actions: [{ type: 'button', action_id: 'ckex_cmd_1', block_id: 'b', value: thumbs, action_ts: '1' }] });
    await poll(async () => ((await e2e.server.store.question('q2'))?.votes === 1 ? true : undefined), () => 'the button vote');
    expect(await slash('vote q2', 'UV2')).toContain('is counted');
    expect(await slash('vote q2', 'UV3')).toContain('is counted');
    expect(await teams('voter pour q2', '29:v4', 'fr-FR')).toContain('Votre vote pour q2 est compté');
    expect(await slash('vote q3', 'UV2')).toContain('is counted');

    // By votes, the French one tagged for an English reader, the anonymous author named nowhere.
    const list = await slash('questions w1-d2-a', 'UAMINA');
    expect(list.indexOf('q2')).toBeLessThan(list.indexOf('q3'));
    expect(list.indexOf('q3')).toBeLessThan(list.indexOf('q1'));
    expect(list).toMatch(/q2 · 4 votes · in French/);
    expect(list).not.toContain('USARA');

    // A moderator marks q2 answered: both posts are updated in place and it leaves the top questions.
    expect(await slash('answered q2', 'UORG')).toContain('q2');
    await aSecondLater();
    const slackNow = text(slack.updatesOf(ts).at(-1)!.body.blocks);
    expect(slackNow).toContain('Who pays the fees?');
    expect(slackNow).not.toContain('protéger les données');
    const teamsNow = text(connector.updatesOf(activityId).at(-1)!.activity);
    expect(teamsNow).toContain('Who pays the fees?');
    expect(teamsNow).toContain('en anglais');
    expect(slack.of('chat.postMessage').filter((c) => isLive(c.body.blocks))).toHaveLength(1); // updated, never posted again

    // The organisers' export holds the three, the anonymous one without author.
    const exported = await slash('questions w1-d2-a export', 'UORG');
    const url = exported.match(/http:\/\/127\.0\.0\.1:9(\/files\/[^"\\]+)/)![1]!;
    const csv = await (await fetch(`${e2e.server.url}${url}`)).text();
    expect(csv).toContain('How do the rails reach rural merchants?');
    expect(csv).toContain('Comment protéger les données des usagers ?');
    const anonymousRow = csv.split('\n').find((l) => l.includes('Who pays the fees?'))!;
    expect(anonymousRow).not.toContain('USARA');
    expect(csv.split('\n').find((l) => l.includes('protéger'))).toMatch(/,fr,4,answered,/);

    // Once the session is over the posts turn into their ended form, with the answered question.
    e2e.server.clock.set('2021-05-04T14:01:00Z');
    await scheduler.tick();
    const ended = text(slack.updatesOf(ts).at(-1)!.body.blocks);
    expect(ended).toContain('The session has ended');
    expect(ended).toContain('Comment protéger les données des usagers ?');
    expect(text(connector.updatesOf(activityId).at(-1)!.activity)).toContain('La séance est terminée');
  });
});
