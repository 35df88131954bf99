// npm start: the core, then one HTTP server for Slack, Teams, calendar files and health checks.
import { boot } from './app/boot.js';
import { readConfig } from './core/config.js';
import { log } from './core/log.js';
import { startServer } from './server/index.js';

// Whatever slipped through every path's own handling is logged and the server keeps serving: a dependency's fault is
// never the end of the process. The tests fail on this line (it means a path lacks its own handling).
process.on('unhandledRejection', (reason) => log.error({ err: (reason as Error)?.message ?? String(reason) }, 'unhandled rejection: kept serving'));
process.on('uncaughtException', (err) => log.error({ err: err.message }, 'uncaught exception: kept serving'));

async function main(): Promise<void> {
  const config = readConfig();
  const booted = await boot(config);
  const running = await startServer(booted, config);
  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await running.close();
    await booted.store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error) => {
  log.fatal({ err: err.message }, 'start-up failed');
  console.error(err.message);
  process.exit(1);
});
