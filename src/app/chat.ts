// npm run chat: the core booted as for the server, talked to in a terminal (src/bots/console).
import { chat } from '../bots/console/chat.js';
import { readConfig } from '../core/config.js';
import { log } from '../core/log.js';
import { boot } from './boot.js';

const USAGE = 'usage: npm run chat (one message a line; piped input is answered line by line)\nsettings as for npm start: DATA_DIR, CONTENT_DIR, CKEX_NOW, CKEX_ADMINS, TZ, LANG';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) return void console.log(USAGE);
  if (args.length > 0) {
    console.error(`unknown argument ${args.join(' ')}\n${USAGE}`);
    process.exit(2);
  }
  // The chat is the terminal: info lines (retention at start-up, Slack or Teams off) would land among the answers.
  // Warnings and errors still show; LOG_LEVEL chooses otherwise.
  if (!process.env.LOG_LEVEL) log.level = 'warn';
  const config = readConfig();
  const { dispatcher, store } = await boot(config);
  await chat(dispatcher, config.DATA_DIR);
  await store.close();
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
