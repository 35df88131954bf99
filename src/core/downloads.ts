// Private files (a CSV export, my data) handed over through links that expire, served by GET /files/<token>/<name>.
import { randomBytes } from 'node:crypto';
import type { Attachment, Reply } from './reply.js';

const TTL_MS = 15 * 60 * 1000;

export class Downloads {
  private readonly files = new Map<string, { file: Attachment; owner: string; expires: number }>();

  constructor(private readonly publicUrl: string | undefined) {}

  /** A link to the file for its owner, valid for 15 minutes; undefined when the server has no public address. */
  offer(file: Attachment, owner: string, now = Date.now()): string | undefined {
    if (!this.publicUrl) return undefined;
    for (const [token, entry] of this.files) if (entry.expires < now) this.files.delete(token);
    const token = randomBytes(18).toString('base64url');
    this.files.set(token, { file, owner, expires: now + TTL_MS });
    return `${this.publicUrl}/files/${token}/${encodeURIComponent(file.name)}`;
  }

  /** Withdraws every link handed to this user (their data is being erased): returns how many. */
  revoke(owner: string): number {
    let revoked = 0;
    for (const [token, entry] of this.files) {
      if (entry.owner !== owner) continue;
      this.files.delete(token);
      revoked++;
    }
    return revoked;
  }

  take(token: string, now = Date.now()): Attachment | undefined {
    const entry = this.files.get(token);
    if (!entry || entry.expires < now) return undefined;
    return entry.file;
  }
}

/** The reply with a download button for each private file, or a note saying how else to get it. */
export function withDownloadLinks(reply: Reply, downloads: Downloads, owner: string, label: (name: string) => string, unavailable: string): Reply {
  const files = (reply.files ?? []).filter((f) => f.private);
  if (files.length === 0) return reply;
  const links = files.map((f) => ({ file: f, url: downloads.offer(f, owner) }));
  if (links.some((l) => !l.url)) return { ...reply, blocks: [...reply.blocks, { type: 'context', text: [unavailable] }] };
  return { ...reply, blocks: [...reply.blocks, { type: 'actions', buttons: links.map((l) => ({ label: label(l.file.name), url: l.url! })) }] };
}
