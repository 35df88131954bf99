// The fan-out worker thread (started by bench/digest-fanout.ts): hosts the rate-limited fake Slack Web API and
// fake Bot Connector on their own event loop and clock, apart from the scheduler measured on the main thread.
import { parentPort } from 'node:worker_threads';
import { FakeConnectorLimited } from './fake-connector-limited.js';
import { FakeSlackLimited } from './fake-slack-limited.js';

const port = parentPort!;
const slack = await new FakeSlackLimited(50).start();
const connector = await new FakeConnectorLimited(30).start();

port.on('message', async (m: { type: 'stats' | 'reset'; fake: 'slack' | 'teams' } | { type: 'close' }) => {
  if (m.type === 'close') {
    await slack.close();
    await connector.close();
    port.close();
    return;
  }
  const fake = m.fake === 'slack' ? slack : connector;
  if (m.type === 'reset') fake.reset();
  port.postMessage({ type: m.type, stats: fake.window.stats() });
});
port.postMessage({ type: 'ready', slack: slack.apiUrl, connector: connector.url });
