// Private files (a CSV export, my data) handed over through links that expire, served by GET /files/<token>/<name>.
import { randomBytes } from 'node:crypto';
import type { Attachment, Reply } from './reply.js';

const TTL_MS = 15 * 60 * 1000;

export class Downloads {
  private readonly files = new Map<string, { file: Attachment; expires: number }>();

  constructor(private readonly publicUrl: string | undefined) {}

  /** A link to the file, valid for 15 minutes; undefined when the server has no public address. */
  offer(file: Attachment, now = Date.now()): string | undefined {
    if (!this.publicUrl) return undefined;
    for (const [token, entry] of this.files) if (entry.expires < now) this.files.delete(token);
    const token = randomBytes(18).toString('base64url');
    this.files.set(token, { file, expires: now + TTL_MS });
    return `${this.publicUrl}/files/${token}/${encodeURIComponent(file.name)}`;
  }

  take(token: string, now = Date.now()): Attachment | undefined {
    const entry = this.files.get(token);
    if (!entry || entry.expires < now) return undefined;
    return entry.file;
  }
}

/** The reply with a download button for each private file, or a note saying how else to get it. */
export function withDownloadLinks(reply: Reply, downloads: Downloads, label: (name: string) => string, unavailable: string): Reply {
  const files = (reply.files ?? []).filter((f) => f.private);
  if (files.length === 0) return reply;
  const links = files.map((f) => ({ file: f, url: downloads.offer(f) }));
  if (links.some((l) => !l.url)) return { ...reply, blocks: [...reply.blocks, { type: 'context', text: [unavailable] }] };
  return { ...reply, blocks: [...reply.blocks, { type: 'actions', buttons: links.map((l) => ({ label: label(l.file.name), url: l.url! })) }] };
}
