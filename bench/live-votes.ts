// Live votes: 1,000 people voting for one question within a minute, spread over two bot cores on one PostgreSQL
// database (two instances behind a load balancer), each with its scheduler; every vote goes through the `vote`
// command as a person's press does. The live post is placed once, then updated in place as the votes come:
// counted in the store, the votes must be exactly 1,000, and the updates of the post at most one per second
// (Slack's chat.update and Teams' updateActivity limits are well above), shared by the two instances, and the post
// never posted again (posted_again 0).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/app/boot.js';
import type { Booted } from '../src/commands/booted.js';
import { readConfig } from '../src/core/config.js';
import type { Poster } from '../src/core/notify.js';
import { PostScheduler } from '../src/scheduled/scheduler.js';
import { benchPostgres } from './pg.js';
import { now, type Table } from './stats.js';

const VOTERS = 1_000;
const MINUTE_MS = 60_000;
/** Updates of one message in one second the platforms are asked for, at most (the coalescing's promise). */
const LIMIT_PER_SECOND = 1;

export async function benchLiveVotes(): Promise<Table> {
  const postgres = await benchPostgres();
  const dirs: string[] = [];
  const updates: number[] = [];
  let placed = 0;
  const poster: Poster = {
    post: async () => 'sent',
    place: async () => (placed++, { result: 'sent', ref: { ts: '1620132000.000100', channel: 'CLIVE' } }),
    update: async () => (updates.push(Date.now()), 'sent'),
  };
  const cores: Booted[] = [];
  const schedulers: PostScheduler[] = [];
  try {
    const url = await postgres.database();
    for (let i = 0; i < 2; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), 'ckex-bench-live-'));
      dirs.push(dataDir);
      // 08:40 in New York on 4 May 2021: w1-d2-a runs, its questions open.
      const booted = await boot(readConfig({ DATA_DIR: dataDir, DATABASE_URL: url, CKEX_NOW: '2021-05-04T12:40:00Z', NODE_ENV: 'production' }));
      booted.core.notifier.register('slack', poster);
      cores.push(booted);
      schedulers.push(new PostScheduler(booted.core, booted.dispatcher));
    }
    const [a, b] = cores as [Booted, Booted];
    // The live post, as the scheduler placed it before the session (kept where it is, to be updated).
    await a.store.saveSubscription({ id: 'slack:CLIVE:en', platform: 'slack', channel: 'CLIVE', lang: 'en', time: '23:59', zone: 'America/New_York', createdBy: 'UORG', createdAt: '2021-05-01T00:00:00Z' });
    await a.store.saveLivePost({ sessionId: 'w1-d2-a', channel: 'slack:CLIVE', lang: 'en', zone: 'America/New_York', ref: { ts: '1620132000.000100', channel: 'CLIVE' }, postedAt: '2021-05-04T12:25:00.000Z' });
    await a.dispatcher.handle({ id: 'slack:T1:UASK' }, 'ask w1-d2-a How are the fees kept low?');
    const t0 = now();
    // Evenly over the minute, each press on one instance or the other.
    await Promise.all(
      Array.from({ length: VOTERS }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, (i * MINUTE_MS) / VOTERS));
        await (i % 2 === 0 ? a : b).dispatcher.handle({ id: `slack:T1:UV${i}` }, 'vote q1');
      }),
    );
    const voting = (now() - t0) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await Promise.all(schedulers.map((s) => s.live.updates.flush()));
    const counted = (await a.store.question('q1'))?.votes ?? 0;
    const perSecond = new Map<number, number>();
    for (const at of updates) perSecond.set(Math.floor(at / 1000), (perSecond.get(Math.floor(at / 1000)) ?? 0) + 1);
    const worst = Math.max(0, ...perSecond.values());
    return {
      'two instances, one PostgreSQL': {
        voters: VOTERS,
        counted,
        exact: counted === VOTERS ? 1 : 0,
        voting_seconds: voting,
        posted_again: placed,
        updates: updates.length,
        max_updates_per_second: worst,
        limit_per_second: LIMIT_PER_SECOND,
        within_limit: worst <= LIMIT_PER_SECOND ? 1 : 0,
      },
    };
  } finally {
    await Promise.all(schedulers.map((s) => s.stop()));
    for (const c of cores) await c.store.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await postgres.close();
  }
}
