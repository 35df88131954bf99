// A copy of content/ in a temp folder to import into, and the fixtures beside this file.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agendaSchema, type Agenda } from '../../src/core/content/schema.js';

const here = dirname(fileURLToPath(import.meta.url));
export const fixture = (name: string): string => join(here, 'fixtures', name);

export function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ckex-content-'));
  cpSync(join(here, '..', '..', 'content'), dir, { recursive: true });
  return dir;
}

export const readAgenda = (dir: string): Agenda => agendaSchema.parse(JSON.parse(readFileSync(join(dir, 'agenda.json'), 'utf8')));

/** A fixture with some text replaced, written to a temp file with the same extension. */
export function variant(name: string, edit: (text: string) => string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ckex-fixture-')), name);
  writeFileSync(file, edit(readFileSync(fixture(name), 'utf8')));
  return file;
}
