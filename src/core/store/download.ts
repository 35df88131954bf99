// A private file (a CSV export, my data) waiting behind an expiring link: stored so any instance can serve it.
import { z } from 'zod';
import { FILE_SOURCES } from '../reply.js';

export const storedDownloadSchema = z
  .object({
    owner: z.string().min(1),
    name: z.string().min(1).max(200),
    mime: z.string().min(1).max(100),
    content: z.string(),
    /** Made when served, from the store (src/core/file-content.ts), instead of content. */
    source: z.enum(FILE_SOURCES).optional(),
    expiresAt: z.string(),
  })
  .strict();
export type StoredDownload = z.infer<typeof storedDownloadSchema>;
