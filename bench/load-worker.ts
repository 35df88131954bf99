// The load worker thread (started by LoadWorker in bench/load.ts): hosts the fake Slack and the fake Bot
// Connector, and sends each round's requests, so the servers measured have the main thread to themselves.
import { parentPort } from 'node:worker_threads';
import { FakeConnector } from './fake-connector.js';
import { FakeSlack } from './fake-slack.js';
import { httpRequest, keepAlive } from './http.js';
import { load, type LoadResult, type Target } from './load.js';
import { slashCommandRequest } from './slack-sign.js';
import { now } from './stats.js';

const port = parentPort!;
const slack = await new FakeSlack().start();
const connector = await new FakeConnector().start();
const agent = keepAlive(64);
let sequence = 0;
const USERS = 8;
/** Slack shows the user an error when the ack takes longer. */
const SLACK_WINDOW_MS = 3_000;

/** A Teams message activity as the Bot Connector posts it (after tests/helpers/fake-connector.ts). */
function teamsActivity(id: string, i: number, text: string, fresh = false): Record<string, unknown> {
  const user = fresh ? `new-${id}` : String(i % USERS);
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    serviceUrl: connector.url,
    channelId: 'msteams',
    from: { id: `29:bench-user-${user}`, name: 'Participant', aadObjectId: `aad-bench-${user}` },
    conversation: { id: `a:bench-personal-${user}`, conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:ckex-bot', name: 'CKEx' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'en-US',
    text,
  };
}

async function round(target: Target, concurrency: number, requests: number): Promise<LoadResult> {
  if (target.kind === 'slack') {
    // Time to answer: the ack when it carries the answer (ours within its budget, the bare app always), else until
    // the answer reaches response_url. `extra.in_ack` counts how many answers the ack carried, `extra.ack` is the
    // time until the HTTP response (what Slack's 3 s window is about), `extra.late_ack` one sample per ack after 3 s.
    let inAck = 0;
    const acks: number[] = [];
    const result = await load(requests, concurrency, async (i) => {
      const id = `c${++sequence}`;
      const { headers, body } = slashCommandRequest('today', `${slack.url}/respond/${id}`, target.distinct ? `URUSH${sequence}` : `UBENCH${i % USERS}`);
      const t0 = now();
      const res = await httpRequest(agent, 'POST', target.url, headers, body);
      acks.push(now() - t0);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
      if (!target.answers || res.body.length > 0) {
        inAck++;
        return now() - t0;
      }
      return (await slack.respondedAt(id)) - t0;
    });
    const late = acks.filter((ms) => ms > SLACK_WINDOW_MS);
    return { ...result, extra: { in_ack: Array.from({ length: inAck }, () => 1), ack: acks, late_ack: late } };
  }
  return load(requests, concurrency, async (i) => {
    const id = `act-${++sequence}`;
    const t0 = now();
    const replied = connector.reply(id);
    replied.catch(() => undefined);
    const res = await httpRequest(agent, 'POST', target.url, { 'content-type': 'application/json' }, JSON.stringify(teamsActivity(id, i, 'today', target.fresh)));
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.body.slice(0, 200)}`);
    return (await replied) - t0;
  });
}

port.on('message', async (m: { type: 'round'; id: number; target: Target; concurrency: number; requests: number } | { type: 'close' }) => {
  if (m.type === 'close') {
    agent.destroy();
    await slack.close();
    await connector.close();
    port.close();
    return;
  }
  const result = await round(m.target, m.concurrency, m.requests);
  port.postMessage({ type: 'result', id: m.id, result });
});
port.postMessage({ type: 'ready', slack: slack.url, connector: connector.url });
