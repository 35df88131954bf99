// Control characters in what a file gives for the texts people see: refused with the line and the field, by every
// reader alike (a NUL or a vertical tab in a title would reach the calendars the bot serves).
import { controlIn, visible } from '../core/content/plain-text.js';
import type { RowProblem, SourceSession } from './types.js';

/** A field to check: its name as the message says it, its value, and whether it may run over several lines. */
export type Field = [name: string, value: string | undefined, multiline: boolean];

const quoted = (text: string): string => `"${visible(text.length > 60 ? `${text.slice(0, 60)}…` : text)}"`;

/** The first field holding a control character, as a problem on `line`. */
export function controlProblem(line: number, fields: Field[]): RowProblem | undefined {
  for (const [name, value, multiline] of fields) {
    const found = value === undefined ? undefined : controlIn(value, multiline);
    if (!found) continue;
    return {
      line,
      problem: `the ${name} ${quoted(value!)} holds the control character ${found.what} at character ${found.at}`,
      fix: multiline
        ? 'remove it: a description may hold line breaks and tabs, no other control characters (retype the text, or save the file again as UTF-8 text)'
        : `remove it: a ${name} is one line of plain text, with no tabs or line breaks (retype the text, or save the file again as UTF-8 text)`,
    };
  }
  return undefined;
}

/** One problem for each session holding a control character in its title, description, speakers, track or key. */
export function sessionControlProblems(sessions: SourceSession[]): RowProblem[] {
  return sessions.flatMap((s) => {
    const fields: Field[] = [
      ...Object.values(s.title).map((t): Field => ['title', t, false]),
      ...s.speakers.flatMap((p) => Object.values(p).map((name): Field => ['speaker', name, false])),
      ['track', s.track, false],
      ['key', s.key, false],
      ...Object.values(s.description).map((d): Field => ['description', d, true]),
    ];
    const problem = controlProblem(s.line, fields);
    return problem ? [problem] : [];
  });
}
