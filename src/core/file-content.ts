// A file's bytes as a surface hands it over: the content a reply holds, or, for a file made from the store (every
// registration as CSV), the chunks read a page at a time, so no one holds all the registrations at once.
import type { BotCore } from './bot-core.js';
import { registrationsCsvChunks } from './forms/export-csv.js';
import type { Attachment } from './reply.js';

export async function* fileChunks(core: Pick<BotCore, 'store'>, file: Pick<Attachment, 'content' | 'source'>): AsyncIterable<string> {
  if (file.source === 'registrations-csv') yield* registrationsCsvChunks(core.store.registrationPages());
  else yield file.content;
}

/** The whole file at once, for a surface that writes files (the console). */
export async function fileContent(core: Pick<BotCore, 'store'>, file: Pick<Attachment, 'content' | 'source'>): Promise<string> {
  const chunks: string[] = [];
  for await (const chunk of fileChunks(core, file)) chunks.push(chunk);
  return chunks.join('');
}
