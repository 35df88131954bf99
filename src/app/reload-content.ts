// Reads content/ again and swaps it into the running core whole: the agenda, the library search and the question
// reader change together, after everything is built; a file the bot would refuse leaves the old content in place.
import { Agenda } from '../core/agenda.js';
import type { BotCore } from '../core/bot-core.js';
import { ResourceSearch } from '../core/search/index.js';
import { Reader } from '../understanding/index.js';
import type { Lang } from '../core/lang.js';
import { loadContent } from '../core/content/load.js';
import type { Swapped } from '../core/content/swapped.js';

/** Throws ContentError (file, JSON path, fix) and changes nothing when content/ does not load. */
export async function reloadContent(core: BotCore, dir: string, commandWords: Partial<Record<Lang, readonly string[]>>): Promise<Swapped> {
  const after = loadContent(dir);
  const search = await ResourceSearch.build(after.library.resources);
  const agenda = new Agenda(after);
  const reader = new Reader(after, commandWords);
  const before = core.content;
  // No await from here on: a message is answered from the old content or the new, never from half of each.
  core.content = after;
  core.agenda = agenda;
  core.search = search;
  core.reader = reader;
  return { before, after };
}
