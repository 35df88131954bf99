// GET /files/<token>/<name>: a private file behind an expiring link (an export, my data), from any instance. A file
// made from the store (every registration as CSV) is written as it is read, a page at a time.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Application } from 'express';
import type { BotCore } from '../core/bot-core.js';
import { fileChunks } from '../core/file-content.js';

export function registerFiles(server: Application, core: BotCore): void {
  server.get('/files/:token/:name', async (req, res) => {
    const file = await core.downloads.take(req.params.token);
    if (!file) {
      res.status(404).type('text/plain').send('This link has expired: ask the bot again for a new one.');
      return;
    }
    res.type(file.mime).set('Content-Disposition', `attachment; filename="${file.name}"`).set('Cache-Control', 'no-store');
    // A client that reads slowly is waited for rather than buffered; one that goes away ends the reading.
    await pipeline(Readable.from(fileChunks(core, file)), res).catch(() => undefined);
  });
}
