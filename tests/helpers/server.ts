// The real server, in this process, on a free port, with a clock the test controls.
import { boot } from '../../src/app/boot.js';
import type { Booted } from '../../src/commands/booted.js';
import { ManualClock } from '../../src/core/clock.js';
import { readConfig } from '../../src/core/config.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { tempDir } from './bot.js';

export interface TestServer extends Booted {
  running: RunningServer;
  clock: ManualClock;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startTestServer(now: string, env: Record<string, string>): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? tempDir();
  // Teams runs unauthenticated against the fake Bot Connector on loopback unless a test sets an app id.
  const config = readConfig({ PORT: '0', DATA_DIR: dataDir, ...(env.MicrosoftAppId ? {} : { TEAMS_ALLOW_UNAUTHENTICATED: '1' }), ...env });
  const clock = new ManualClock(now);
  const booted = await boot(config, clock);
  const running = await startServer(booted, config);
  return {
    ...booted,
    running,
    clock,
    dataDir,
    url: `http://127.0.0.1:${running.port}`,
    async close() {
      await running.close();
      await booted.store.close();
    },
  };
}
