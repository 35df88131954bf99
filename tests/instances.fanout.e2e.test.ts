// Two `npm start` instances on one PostgreSQL database fan a digest out to 150 Slack channels together (issue 26):
// each channel gets it once, none is missed, and the two together post within the workspace's limit, since each
// paces itself to its share of the limit (the instances alive, from their heartbeats in the database). Rates are
// read from the times the fake Slack recorded the posts, never from the machine's own speed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from './helpers/fake-slack.js';
import { query, SlackLedger, sleep, usePair } from './helpers/instances.js';
import { testDatabase, type TestDatabase } from './helpers/postgres.js';

const NOW = '2021-05-04T13:05:00Z'; // 09:05 in Washington: a 09:00 digest is due at the next tick
const CHANNELS = 150;
/** The workspace's limit, set low (SLACK_POSTS_PER_SECOND) so that the pair unshared (20 a second) would show. */
const SLACK_PER_SECOND = 10;

let database: TestDatabase | undefined;
let slack: FakeSlack;

const pair = usePair(async () => (database = await testDatabase()), { CKEX_NOW: NOW, CKEX_ADMINS: 'UORG', SLACK_POSTS_PER_SECOND: String(SLACK_PER_SECOND) });
beforeAll(() => void ({ slack } = pair()));

describe('two instances fanning out one digest', () => {
  it('post to each of 150 channels once, none missed, within the workspace’s limit together', async () => {
    // Both instances have ticked at start, so each has said it is alive before the subscriptions appear.
    const alive = await query<{ n: string }>(database!.url, 'SELECT count(*) AS n FROM instances WHERE alive_until > now()');
    expect(Number(alive[0]!.n)).toBe(2);
    await query(
      database!.url,
      `INSERT INTO subscriptions (id, platform, channel, lang, time, zone, created_by, created_at)
       SELECT 'slack:' || c || ':en', 'slack', c, 'en', '09:00', 'America/New_York', 'UORG', '2021-05-01T00:00:00Z'
       FROM (SELECT 'CFAN' || lpad(i::text, 4, '0') AS c FROM generate_series(0, $1::int - 1) i) s`,
      [CHANNELS],
    );
    const channels = Array.from({ length: CHANNELS }, (_, i) => `CFAN${String(i).padStart(4, '0')}`);
    const ledger = new SlackLedger(slack);
    for (let waited = 0; channels.some((c) => ledger.posts(c).length === 0) && waited < 60_000; waited += 100) await sleep(100);
    await sleep(11_000); // one more scheduler period: anything posted twice would have come by now
    const counts = channels.map((c) => ledger.posts(c).length);
    expect(counts.filter((n) => n === 0), 'channels missed').toHaveLength(0);
    expect(counts.filter((n) => n > 1), 'channels posted twice').toHaveLength(0);
    const times = channels.map((c) => ledger.posts(c)[0]!.at).sort((x, y) => x - y);
    const perSecond = ((times.length - 1) * 1000) / (times.at(-1)! - times[0]!);
    // Each instance alone would offer the whole limit, the two unshared twice that: shared, the pair stays near it.
    expect(perSecond, `${perSecond.toFixed(1)} posts a second`).toBeLessThanOrEqual(SLACK_PER_SECOND * 1.1);
    const [posted] = await query<{ n: string }>(database!.url, "SELECT count(*) AS n FROM subscriptions WHERE channel LIKE 'CFAN%' AND last_posted = '2021-05-04'");
    expect(Number(posted!.n)).toBe(CHANNELS);
  }, 120_000);
});
