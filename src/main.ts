// npm start: the core, then one HTTP server for Slack, Teams, calendar files and health checks.
import { boot } from './app/boot.js';
import { readConfig } from './core/config.js';
import { log } from './core/log.js';
import { startServer } from './server/index.js';

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
