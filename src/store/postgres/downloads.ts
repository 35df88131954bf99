// Private files behind expiring links, in the database so the instance that serves the link need not be the one
// that made it.
import { storedDownloadSchema, type StoredDownload } from '../../core/store/download.js';
import { iso, type Queryable } from './db.js';

interface DownloadRow {
  owner: string;
  name: string;
  mime: string;
  content: string;
  source: string | null;
  expires_at: Date;
}

export async function saveDownload(db: Queryable, token: string, download: StoredDownload): Promise<void> {
  const d = storedDownloadSchema.parse(download);
  await db.query('DELETE FROM downloads WHERE expires_at < now()'); // expired links are never served again
  await db.query(
    `INSERT INTO downloads (token, owner, name, mime, content, source, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (token) DO UPDATE SET owner = EXCLUDED.owner, name = EXCLUDED.name, mime = EXCLUDED.mime, content = EXCLUDED.content, source = EXCLUDED.source, expires_at = EXCLUDED.expires_at`,
    [token, d.owner, d.name, d.mime, d.content, d.source ?? null, d.expiresAt],
  );
}

export async function takeDownload(db: Queryable, token: string, now: string): Promise<StoredDownload | undefined> {
  const { rows } = await db.query<DownloadRow>('SELECT owner, name, mime, content, source, expires_at FROM downloads WHERE token = $1 AND expires_at >= $2', [token, now]);
  const row = rows[0];
  return row && storedDownloadSchema.parse({ owner: row.owner, name: row.name, mime: row.mime, content: row.content, ...(row.source ? { source: row.source } : {}), expiresAt: iso(row.expires_at) });
}

export async function revokeDownloads(db: Queryable, owner: string): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM downloads WHERE owner = $1', [owner]);
  return rowCount ?? 0;
}
