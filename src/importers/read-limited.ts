// An import reads at most MAX_IMPORT_BYTES: an agenda is a few hundred kilobytes (a real pretalx export of 120
// talks: 230 KB), and every reader holds the whole file and more in memory.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RowProblem } from './types.js';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const megabytes = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(2))} MB`;

/**
 * The file's text, or the problem that it is too long. Read up to one byte past the limit rather than trusting its
 * size, so a file that grows, a pipe or a device cannot make it read more.
 */
export async function readLimited(file: string, limit = MAX_IMPORT_BYTES): Promise<{ text: string } | RowProblem> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) {
      return {
        line: 0,
        problem: `${basename(file)} is ${size > limit && megabytes(size) !== megabytes(limit) ? `${megabytes(size)}, ` : ''}more than the ${megabytes(limit)} an import reads`,
        fix: "export this event's sessions alone, without attachments, other conferences or a whole mailbox's calendar (an agenda is a few hundred KB)",
      };
    }
    return { text: buffer.subarray(0, length).toString('utf8') };
  } finally {
    await handle.close();
  }
}
