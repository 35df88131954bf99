// npm run bench [-- --json] [-- --only=search,slack,teams,startup,registrations,memory,fanout]: runs the benchmarks one after the other and
// prints a table per benchmark, or (--json) one JSON object with every figure, named <bench>_<row>_<column>.
// Each compares contenders side by side in the same run, rounds alternated; all traffic stays on 127.0.0.1.
import { readArgs } from '../scripts/cli.js';
import { flatten, type Figures, type Table } from './stats.js';

// Quiet logs from the servers started in this process (log.ts reads this when first imported, below).
process.env.LOG_LEVEL ??= 'error';

const BENCHES: Record<string, { title: string; run: () => Promise<Table> }> = {
  search: { title: 'Search: resources queries, 13 and 10,000 items (ours vs the Orama implementation it replaced)', run: async () => (await import('./search.js')).benchSearch() },
  slack: { title: 'Slack: /ckex today, time until the answer (the ack carrying it, else response_url), ours vs a bare Bolt app acking its answer inline', run: async () => (await import('./slack-latency.js')).benchSlack() },
  teams: { title: 'Teams: "today" until the reply reaches the connector, first contact and returning users (ours vs a bare botbuilder echo bot)', run: async () => (await import('./teams-latency.js')).benchTeams() },
  startup: { title: 'Start and memory: spawn until GET /healthz answers; VmRSS then (ours, empty and 50,000-record store, vs bare express)', run: async () => (await import('./startup.js')).benchStartup() },
  registrations: { title: 'Registrations: 5,000 signed Slack modal submissions at concurrency 50 on lowdb and on PostgreSQL, rounds alternated, then each store reopened', run: async () => (await import('./registration-burst.js')).benchRegistrations() },
  memory: { title: 'Memory as registrations grow: the compiled server on lowdb and on PostgreSQL holding 0, 10,000 and 50,000 registrations; VmRSS after start and after an organiser\'s today, registrations and export', run: async () => (await import('./memory.js')).benchMemory() },
  live: { title: 'Live votes: 1,000 people voting within a minute on two instances on one PostgreSQL; votes counted, live-post updates per second', run: async () => (await import('./live-votes.js')).benchLiveVotes() },
  fanout: { title: 'Digest fan-out: 1,000 subscriptions due at once, one tick, against rate-limited fakes (Slack 1/s per channel and 50/s; Teams 30/s)', run: async () => (await import('./digest-fanout.js')).benchFanout() },
};

const USAGE = `usage: npm run bench [-- --json] [-- --only=${Object.keys(BENCHES).join(',')}]`;
const { values } = readArgs(process.argv.slice(2), USAGE, { json: { type: 'boolean' }, only: { type: 'string' } });
const json = values.json === true;
const only = (values.only as string | undefined)?.split(',');
const chosen = Object.keys(BENCHES).filter((name) => !only || only.includes(name));
if (only?.some((n) => !(n in BENCHES))) {
  console.error(`unknown benchmark in --only; choose from ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}

// Bounded: a benchmark that hangs must not hold the run for ever.
const LIMIT_MS = 30 * 60_000;
setTimeout(() => {
  console.error(`bench: still running after ${LIMIT_MS / 60_000} minutes; stopping`);
  process.exit(1);
}, LIMIT_MS).unref();

const figures: Figures = {};
const started = Date.now();
for (const name of chosen) {
  const bench = BENCHES[name]!;
  const t0 = Date.now();
  const table = await bench.run();
  Object.assign(figures, flatten(name, table));
  figures[`${name}_seconds`] = (Date.now() - t0) / 1000;
  if (!json) {
    console.log(`\n${bench.title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    console.table(Object.fromEntries(Object.entries(table).map(([row, cols]) => [row, Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, round(v)]))])));
  }
}
figures.total_seconds = (Date.now() - started) / 1000;
if (json) console.log(JSON.stringify(figures));
else console.log(`\ntotal ${figures.total_seconds.toFixed(1)} s`);
process.exit(0);

function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  const digits = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return Number(v.toFixed(digits));
}
