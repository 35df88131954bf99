// The console's way to hand over files: written under DATA_DIR/exports, private to the local user.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reply } from '../../core/reply.js';

export function saveFiles(dataDir: string, reply: Reply): string[] {
  const files = reply.files ?? [];
  if (files.length === 0) return [];
  const dir = resolve(dataDir, 'exports');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return files.map((file) => {
    const path = join(dir, file.name.replace(/[^\w.-]/g, '_'));
    writeFileSync(path, file.content, { mode: 0o600 });
    return path;
  });
}
