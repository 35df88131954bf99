// The import report as text: what was added, changed and removed, by title; what is not translated; what to fix.
import type { AgendaDiff } from './diff.js';
import type { Format } from './detect.js';
import type { LeftOutLink } from './links.js';
import type { Shift } from './shift.js';
import { visible } from '../core/content/plain-text.js';
import { problemText, type RowProblem } from './types.js';

/** A session shown, in some languages, in its original's words: which of its texts lack which languages. */
export interface UntranslatedSession {
  id: string;
  title: string;
  missing: { title: string[]; description: string[] };
}

/** What an import did or would do, as `npm run import` prints it. */
export interface ImportReport {
  file: string;
  format: Format;
  /** The content file the import replaces (or would replace). */
  target: string;
  written: boolean;
  dryRun: boolean;
  problems: RowProblem[];
  sessions?: AgendaDiff;
  resources?: { added: string[]; changed: string[]; removed: string[]; unchanged: number };
  untranslated: UntranslatedSession[];
  /** Sessions written in a language other than en, fr and ar (see AgendaOutcome.otherLanguage). */
  otherLanguage: { id: string; title: string; language: string }[];
  /** Links the bot could not show (http://…), left out of what was written; a session's carries its id. */
  leftOutLinks: (LeftOutLink & { id?: string })[];
  sampleCleared: boolean;
  /** How far `shiftTo` moved the file's dates. */
  shift?: Shift;
}


export function formatReport(r: ImportReport): string {
  const out: string[] = [`${r.file} (${r.format})`];
  if (r.shift) out.push(`Dates moved by ${r.shift.days} day${Math.abs(r.shift.days) === 1 ? '' : 's'} (--shift-to): the file's first day ${r.shift.from} is now ${r.shift.to}.`);
  if (r.problems.length > 0) {
    out.push(`Refused: nothing was written. ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} to fix:`);
    out.push(...r.problems.map((p) => `  ${problemText(p)}`));
    return out.join('\n');
  }
  const s = r.sessions;
  if (s) {
    if (r.sampleCleared) out.push('The sample agenda is replaced: its sessions are all removed.');
    out.push(`Added ${s.added.length}, changed ${s.changed.length}, removed ${s.removed.length}, unchanged ${s.unchanged}.`);
    for (const a of s.added) out.push(`  + ${a.id}  ${a.title}  (${a.when})`);
    for (const c of s.changed) out.push(`  ~ ${c.id}  ${c.title}  (${c.was ? `moved from ${c.was} to ${c.when}` : c.when}; ${c.fields.join(', ')})`);
    for (const d of s.removed) out.push(`  - ${d.id}  ${d.title}  (${d.when})`);
    if (r.untranslated.length > 0) {
      out.push(`Not translated yet (shown in the original language, marked): ${r.untranslated.length}`);
      for (const u of r.untranslated) out.push(`  ${u.id}  ${u.title}  (${missingText(u.missing)})`);
    }
    if (r.otherLanguage.length > 0) {
      const languages = [...new Set(r.otherLanguage.map((o) => o.language))].join(', ');
      out.push(
        `Written in a language the bot does not speak (${languages}): ${r.otherLanguage.length}. The bot shows them as written to readers of every language, marked with the language the source gives ("in German, not translated yet"). ` +
          'To lift the marker, give the talk the language en, fr or ar in the source, with its title and abstract in that language (or in all three, with multilingual fields), and import again.',
      );
      for (const o of r.otherLanguage) out.push(`  ${o.id}  ${o.title}  (${o.language})`);
    }
  }
  const l = r.resources;
  if (l) {
    out.push(`Library: added ${l.added.length}, changed ${l.changed.length}, removed ${l.removed.length}, unchanged ${l.unchanged}.`);
    out.push(...l.added.map((t) => `  + ${t}`), ...l.changed.map((t) => `  ~ ${t}`), ...l.removed.map((t) => `  - ${t}`));
  }
  out.push(...leftOutLines(r.leftOutLinks));
  if (r.dryRun) out.push(`Dry run: ${r.target} is unchanged.`);
  else if (r.written) out.push(`Written: ${r.target}. Organisers: send "reload" to the bot to answer from it.`);
  return out.join('\n');
}

/** "title not in ar; description not in fr, ar": each text named with the languages it lacks. */
function missingText(missing: UntranslatedSession['missing']): string {
  const parts = [missing.title.length > 0 ? `title not in ${missing.title.join(', ')}` : '', missing.description.length > 0 ? `description not in ${missing.description.join(', ')}` : ''];
  return parts.filter(Boolean).join('; ');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "Left out 36 links that are not https://, first at line 38 (the bot never shows them):", one line each; then
 * the https:// ones the bot cannot open either, each with why.
 */
function leftOutLines(links: ImportReport['leftOutLinks']): string[] {
  const out: string[] = [];
  const line = (l: ImportReport['leftOutLinks'][number], why: boolean) => visible(`  line ${l.line}  ${l.id ? `${l.id}  ` : ''}${l.kind}  ${l.address}${why ? `  (${l.why})` : ''}`);
  const http = links.filter((l) => l.why === 'not https://');
  const other = links.filter((l) => l.why !== 'not https://');
  if (http.length > 0) out.push(`Left out ${plural(http.length, 'link')} that ${http.length === 1 ? 'is' : 'are'} not https://, first at line ${http[0]!.line} (the bot never shows them):`, ...http.map((l) => line(l, false)));
  if (other.length > 0) out.push(`Left out ${plural(other.length, 'https:// link')} the bot cannot open, first at line ${other[0]!.line}:`, ...other.map((l) => line(l, true)));
  return out;
}
