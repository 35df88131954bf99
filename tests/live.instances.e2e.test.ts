// Live votes on two `npm start` instances on one PostgreSQL database (issue 24), through the servers: a channel
// subscribed on A gets its live post once from the two schedulers together; people vote by signed /ckex requests
// spread over A and B by a seeded choice; every vote is counted once (the primary key of live_votes decides it),
// and the post is updated in place to show the count, never posted again.
import { describe, expect, it } from 'vitest';
import { stripBidi } from '../src/core/i18n/bidi.js';
import { eventually, prng, query, SEED, signedRequest, usePair } from './helpers/instances.js';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';
import { slashCommandBody } from './helpers/slack-requests.js';

// 08:26 in New York on 4 May 2021: w1-d2-a starts at 08:30, its live post is due, its questions open.
const NOW = '2021-05-04T12:26:00Z';
const VOTERS = 60;

let database: TestDatabase | undefined;
const pair = usePair(async () => (database = await testDatabase()), { CKEX_NOW: NOW, CKEX_ADMINS: 'UORG' });
const text = (x: unknown) => stripBidi(JSON.stringify(x));
const isLive = (c: { body: { blocks?: unknown } }) => text(c.body.blocks).includes('Live: ');

describe('live votes on two instances', () => {
  it(`one live post, ${VOTERS} votes over both instances counted once each, the post updated in place (seed ${SEED})`, async () => {
    const { a, b, slack, logs } = pair();
    const slash = (instance: typeof a, line: string, user: string) => signedRequest(instance.events, slashCommandBody(line, slack.responseUrl(user), user), 'application/x-www-form-urlencoded');
    expect((await slash(a, 'subscribe en 23:59', 'UORG')).res.status).toBe(200);
    await eventually(() => slack.of('chat.postMessage').some(isLive), () => `no live post${logs()}`, 30_000);
    expect((await slash(b, 'ask w1-d2-a Who pays the fees?', 'UASK')).res.status).toBe(200);
    await eventually(async () => (await query(database!.url, 'SELECT 1 FROM live_questions')).length === 1, () => `the question was not taken${logs()}`);
    const random = prng(SEED);
    const voters = Array.from({ length: VOTERS }, (_, i) => ({ user: `UV${i}`, on: random() < 0.5 ? a : b }));
    for (let i = 0; i < voters.length; i += 10) {
      const results = await Promise.all(voters.slice(i, i + 10).map((v) => slash(v.on, 'vote q1', v.user)));
      expect(results.map((r) => r.res.status)).toEqual(results.map(() => 200));
    }
    await eventually(async () => (await query(database!.url, 'SELECT 1 FROM live_votes')).length === VOTERS, () => `votes counted: not ${VOTERS}${logs()}`);
    const stored = await query<{ ref: { ts: string } }>(database!.url, "SELECT ref FROM live_posts WHERE session_id = 'w1-d2-a'");
    expect(stored).toHaveLength(1);
    await eventually(() => slack.updatesOf(stored[0]!.ref.ts).some((c) => text(c.body.blocks).includes(`q1 · ${VOTERS} votes`)), () => `the live post never showed ${VOTERS} votes${logs()}`, 20_000);
    expect(slack.of('chat.postMessage').filter(isLive)).toHaveLength(1);
  }, 120_000);
});
