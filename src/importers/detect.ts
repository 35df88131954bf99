// Which reader a file needs: by its extension, else by how it begins.
import { extname } from 'node:path';
import { isResourceHeader } from './csv-resources.js';

export type Format = 'frab-json' | 'frab-xml' | 'ical' | 'csv-sessions' | 'csv-resources';

export function detectFormat(file: string, text: string): Format {
  const ext = extname(file).toLowerCase();
  const head = text.replace(/^\uFEFF/, '').trimStart();
  const csv = () => (isResourceHeader(head.split(/\r?\n/, 1)[0] ?? '') ? 'csv-resources' : 'csv-sessions');
  if (ext === '.json') return 'frab-json';
  if (ext === '.xml') return 'frab-xml';
  if (ext === '.ics' || ext === '.ical' || ext === '.ifb') return 'ical';
  if (ext === '.csv' || ext === '.tsv') return csv();
  if (head.startsWith('{')) return 'frab-json';
  if (head.startsWith('<')) return 'frab-xml';
  if (head.startsWith('BEGIN:VCALENDAR')) return 'ical';
  return csv();
}
