// Every .ts file under a folder, keyed by its path relative to the repository (src/...), as checkLayers reads it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function readSources(root: string, folder = 'src'): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(root, full).split(sep).join('/'), readFileSync(full, 'utf8'));
  }
  return files;
}
