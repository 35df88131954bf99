// Private files (a CSV export, my data) handed over through links that expire, served by GET /files/<token>/<name>.
// The file waits in the store, so the instance that serves the link need not be the one that made it.
import { randomBytes } from 'node:crypto';
import type { AsyncStore } from './store/async-store.js';
import type { Attachment, Reply } from './reply.js';

const TTL_MS = 15 * 60 * 1000;

export class Downloads {
  constructor(
    private readonly publicUrl: string | undefined,
    private readonly store: AsyncStore,
  ) {}

  /** A link to the file for its owner, valid for 15 minutes; undefined when the server has no public address. */
  async offer(file: Attachment, owner: string, now = Date.now()): Promise<string | undefined> {
    if (!this.publicUrl) return undefined;
    const token = randomBytes(18).toString('base64url');
    await this.store.saveDownload(token, { owner, name: file.name, mime: file.mime, content: file.content, ...(file.source ? { source: file.source } : {}), expiresAt: new Date(now + TTL_MS).toISOString() });
    return `${this.publicUrl}/files/${token}/${encodeURIComponent(file.name)}`;
  }

  /** Withdraws every link handed to this user (their data is being erased): returns how many. */
  revoke(owner: string): Promise<number> {
    return this.store.revokeDownloads(owner);
  }

  async take(token: string, now = Date.now()): Promise<Attachment | undefined> {
    const stored = await this.store.takeDownload(token, new Date(now).toISOString());
    return stored ? { name: stored.name, mime: stored.mime, content: stored.content, ...(stored.source ? { source: stored.source } : {}) } : undefined;
  }
}

/** The reply with a download button for each private file, or a note saying how else to get it. */
export async function withDownloadLinks(reply: Reply, downloads: Downloads, owner: string, label: (name: string) => string, unavailable: string): Promise<Reply> {
  const files = (reply.files ?? []).filter((f) => f.private);
  if (files.length === 0) return reply;
  const links = await Promise.all(files.map(async (f) => ({ file: f, url: await downloads.offer(f, owner) })));
  if (links.some((l) => !l.url)) return { ...reply, blocks: [...reply.blocks, { type: 'context', text: [unavailable] }] };
  return { ...reply, blocks: [...reply.blocks, { type: 'actions', buttons: links.map((l) => ({ label: label(l.file.name), url: l.url! })) }] };
}
