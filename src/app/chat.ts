// npm run chat: the core booted as for the server, talked to in a terminal (src/bots/console).
import { chat } from '../bots/console/chat.js';
import { readConfig } from '../core/config.js';
import { boot } from './boot.js';

async function main(): Promise<void> {
  const config = readConfig();
  const { dispatcher, store } = await boot(config);
  await chat(dispatcher, config.DATA_DIR);
  await store.close();
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
