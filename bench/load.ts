// A concurrency-limited request loop, a worker thread that runs it (so the client and the fakes keep their own
// event loop and clock, apart from the servers measured), and side-by-side rounds of contenders.
import { Worker } from 'node:worker_threads';
import { alternate, now, ratio, summarize, type Table } from './stats.js';

export interface LoadResult {
  /** Per request that succeeded, in milliseconds (what `send` resolves with, or its duration). */
  latencies: number[];
  errors: number;
  firstError?: string;
  wallMs: number;
  /** Other samples a round took, by name (e.g. when answers reached a fake). */
  extra?: Record<string, number[]>;
}

/**
 * `concurrency` workers send requests 0…n−1 as fast as answers come back. `send(i)` may resolve with its own
 * latency (when it is measured elsewhere, e.g. when a reply reaches a fake); otherwise its duration is used.
 * A rejection counts as an error. Stops starting requests at `deadlineMs`.
 */
export async function load(requests: number, concurrency: number, send: (i: number) => Promise<number | void>, deadlineMs = 60_000): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const start = now();
  const worker = async () => {
    while (next < requests && now() - start < deadlineMs) {
      const i = next++;
      const t0 = now();
      try {
        const measured = await send(i);
        latencies.push(typeof measured === 'number' ? measured : now() - t0);
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
  return { latencies, errors, ...(firstError ? { firstError } : {}), wallMs: now() - start };
}

/** What the load worker (bench/load-worker.ts) is asked to send in one round. */
/** Teams `fresh`: every request from a user and conversation never seen (first contact); else 8 returning users. */
/** Slack `distinct`: every request from a user never seen (the morning rush: users.info for each); else 8 users. */
export type Target = { kind: 'slack'; url: string; answers: boolean; distinct?: boolean } | { kind: 'teams'; url: string; fresh?: boolean };

export interface FakeUrls {
  slack: string;
  connector: string;
}

/** The load worker: a fake Slack and a fake Bot Connector, and the request loop, on their own thread. */
export class LoadWorker {
  private next = 0;
  private readonly pending = new Map<number, (r: LoadResult) => void>();

  private constructor(
    private readonly worker: Worker,
    readonly fakes: FakeUrls,
  ) {
    worker.on('message', (m: { type: string; id: number; result: LoadResult }) => {
      if (m.type === 'result') this.pending.get(m.id)?.(m.result);
      this.pending.delete(m.id);
    });
  }

  static async start(): Promise<LoadWorker> {
    const script = new URL('./load-worker.ts', import.meta.url).href;
    // Workers do not inherit tsx's loader: register it, then load the TypeScript module.
    const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`, { eval: true });
    const fakes = await new Promise<FakeUrls>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (m: { type: string } & FakeUrls) => (m.type === 'ready' ? resolve({ slack: m.slack, connector: m.connector }) : reject(new Error(`load worker: ${m.type}`))));
    });
    return new LoadWorker(worker, fakes);
  }

  round(target: Target, concurrency: number, requests: number): Promise<LoadResult> {
    const id = ++this.next;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: 'round', id, target, concurrency, requests });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ type: 'close' });
    });
  }
}

/**
 * Rounds alternated between contenders (A, B, A, B…) at each concurrency, after one short warm-up round each.
 * Rows `<name>_c<n>`: p50_ms, p99_ms, rps, requests, errors, and p50/p99 of any extra samples;
 * `ratio_c<n>`: first contender over second.
 */
export async function compareLatency<K extends string>(names: readonly K[], plan: { concurrency: number; requests: number; rounds: number }[], round: (name: K, concurrency: number, requests: number) => Promise<LoadResult>): Promise<Table> {
  const table: Table = {};
  for (const { concurrency, requests, rounds } of plan) {
    const all = new Map<K, LoadResult>(names.map((n) => [n, { latencies: [], errors: 0, wallMs: 0, extra: {} }]));
    for (const name of names) await round(name, concurrency, Math.min(requests, 64)); // warm-up
    await alternate(names, rounds, async (name) => {
      const r = await round(name, concurrency, requests);
      if (r.firstError) console.error(`${name} c=${concurrency}: ${r.errors} errors, first: ${r.firstError}`);
      const s = all.get(name)!;
      s.latencies.push(...r.latencies);
      s.errors += r.errors;
      s.wallMs += r.wallMs;
      for (const [k, v] of Object.entries(r.extra ?? {})) (s.extra![k] ??= []).push(...v);
    });
    for (const name of names) {
      const s = all.get(name)!;
      const sum = summarize(s.latencies);
      const row: Record<string, number> = { p50_ms: sum.p50, p99_ms: sum.p99, rps: (s.latencies.length / s.wallMs) * 1000, requests: s.latencies.length, errors: s.errors };
      for (const [k, v] of Object.entries(s.extra ?? {})) {
        const e = summarize(v);
        Object.assign(row, { [`${k}_p50_ms`]: e.p50, [`${k}_p99_ms`]: e.p99, [`${k}s`]: e.n });
      }
      table[`${name}_c${concurrency}`] = row;
    }
    if (names.length >= 2) {
      const [a, b] = [table[`${names[0]}_c${concurrency}`]!, table[`${names[1]}_c${concurrency}`]!];
      table[`ratio_c${concurrency}`] = { p50: ratio(a.p50_ms!, b.p50_ms!), p99: ratio(a.p99_ms!, b.p99_ms!), rps: ratio(a.rps!, b.rps!) };
    }
  }
  return table;
}
