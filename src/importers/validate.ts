// The whole result checked exactly as the bot will read it: the content folder copied aside with the new file in it, then loadContent.
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, loadContent } from '../core/content/load.js';

/** Undefined when the content folder with `file` replaced by `data` loads; else what the bot would refuse. */
export async function checkReplacement(contentDir: string, file: string, data: unknown): Promise<ContentError | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'ckex-import-'));
  try {
    for (const name of await readdir(contentDir)) if (name.endsWith('.json') && name !== file) await copyFile(join(contentDir, name), join(dir, name));
    await writeFile(join(dir, file), JSON.stringify(data));
    loadContent(dir);
    return undefined;
  } catch (err) {
    if (err instanceof ContentError) return new ContentError(join(contentDir, file), err.path, err.problem);
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
