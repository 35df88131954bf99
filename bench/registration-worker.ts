// The registration load worker thread (started by bench/registration-burst.ts): hosts the fake Slack Web API
// (users.info for every new user) and sends the signed view_submission burst, so the server measured has the
// main thread to itself. Records each registration's completion time by its index.
import { parentPort } from 'node:worker_threads';
import { FakeSlack } from './fake-slack.js';
import { httpRequest, keepAlive } from './http.js';
import { load } from './load.js';
import { registrationRequest } from './slack-view.js';
import { now } from './stats.js';

export interface BurstRequest {
  type: 'burst';
  url: string;
  run: string;
  count: number;
  concurrency: number;
  deadlineMs: number;
}

export interface BurstResult {
  /** By index: ms until the HTTP answer, or -1 when not sent / failed. */
  latencies: number[];
  /** Indices whose answer was {"response_action":"update"}. */
  confirmed: number[];
  errors: number;
  firstError?: string;
  wallMs: number;
}

const port = parentPort!;
const slack = await new FakeSlack().start();
const agent = keepAlive(64);

async function burst(m: BurstRequest): Promise<BurstResult> {
  const latencies = new Array<number>(m.count).fill(-1);
  const confirmed: number[] = [];
  const result = await load(
    m.count,
    m.concurrency,
    async (i) => {
      const { headers, body } = registrationRequest(m.run, i);
      const t0 = now();
      const res = await httpRequest(agent, 'POST', m.url, headers, body, 30_000);
      const ms = now() - t0;
      latencies[i] = ms;
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
      let action: unknown;
      try {
        action = (JSON.parse(res.body) as { response_action?: unknown }).response_action;
      } catch {
        throw new Error(`not JSON: ${res.body.slice(0, 200)}`);
      }
      if (action !== 'update') throw new Error(`response_action ${String(action)}: ${res.body.slice(0, 300)}`);
      confirmed.push(i);
      return ms;
    },
    m.deadlineMs,
  );
  return { latencies, confirmed, errors: result.errors, ...(result.firstError ? { firstError: result.firstError } : {}), wallMs: result.wallMs };
}

port.on('message', async (m: BurstRequest | { type: 'close' }) => {
  if (m.type === 'close') {
    agent.destroy();
    await slack.close();
    port.close();
    return;
  }
  port.postMessage({ type: 'result', result: await burst(m) });
});
port.postMessage({ type: 'ready', slack: slack.url });
