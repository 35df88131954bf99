// The console surface: a terminal conversation with the core, as the stable local user "console:local".
import { createInterface } from 'node:readline';
import type { Dispatcher } from '../../commands/dispatch.js';
import type { Caller } from '../../core/context.js';
import { commandWords } from '../../views/command-words.js';
import { renderText } from './render-text.js';
import { eventOver } from '../../core/event-over.js';
import { eventOverNotice } from '../../views/registration-closed.js';
import { saveFiles } from './save-files.js';

export const CONSOLE_USER = 'console:local';

/** Reads one message a line from stdin and prints the replies, until the end of input; files go to dataDir. */
export async function chat(dispatcher: Dispatcher, dataDir: string): Promise<void> {
  const caller: Caller = {
    id: CONSOLE_USER,
    ...(process.env.LC_ALL || process.env.LANG ? { platformLocale: process.env.LC_ALL || process.env.LANG } : {}),
    ...(process.env.TZ ? { tz: process.env.TZ } : {}),
  };
  const say = commandWords(dispatcher.registry, dispatcher.core.i18n);
  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  const prompt = () => interactive && rl.prompt();
  if (interactive) console.log('CKEx bot: type "help", Ctrl+D to leave.');
  prompt();
  let first = true;
  for await (const line of rl) {
    if (line.trim() === '') {
      prompt();
      continue;
    }
    // Files (the registrations CSV) are made whole, where the console writes them.
    const { reply } = await dispatcher.answer(caller, line, { conversational: true, files: 'inline' });
    // A newcomer trying it today would register for an event long over: the first answer says so, and how to try it.
    if (first && eventOver(dispatcher.core)) console.log(`${renderText({ lang: reply.lang, blocks: [{ type: 'context', text: [eventOverNotice(dispatcher.core, reply.lang)] }] }, say)}\n`);
    first = false;
    console.log(renderText(reply, say));
    for (const path of saveFiles(dataDir, reply)) console.log(`→ ${path}`);
    console.log('');
    prompt();
  }
}
