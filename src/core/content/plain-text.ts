// Control characters in content text: refused at import and at start-up, since calendars (SUMMARY), chat cards and
// terminals would carry them on (a NUL, a vertical tab, an escape sequence).

/** C0 controls, DEL and C1 controls (Unicode category Cc). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, except tab, line feed and carriage return, which a description may hold. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const NAMES: Record<number, string> = { 0: 'NUL', 9: 'tab', 10: 'line feed', 11: 'vertical tab', 12: 'form feed', 13: 'carriage return', 27: 'escape', 127: 'DEL' };

const codeOf = (c: string): string => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export interface ControlFound {
  /** "U+000B (vertical tab)" */
  what: string;
  /** 1-based position of the character in the text. */
  at: number;
}

/**
 * The first control character in `text`, if any. `multiline` texts (descriptions, summaries) may hold tabs and line
 * breaks; titles, names and other one-line texts none at all.
 */
export function controlIn(text: string, multiline = false): ControlFound | undefined {
  const m = (multiline ? CONTROL_IN_TEXT : CONTROL).exec(text);
  if (!m) return undefined;
  const name = NAMES[m[0].charCodeAt(0)];
  return { what: `${codeOf(m[0])}${name ? ` (${name})` : ''}`, at: m.index + 1 };
}

/** `text` with every control character written as <U+XXXX>, so a message that quotes it is safe on a terminal. */
export const visible = (text: string): string => text.replace(new RegExp(CONTROL.source, 'g'), (c) => `<${codeOf(c)}>`);

/** The zod message for a content text that holds one. */
export function controlMessage(found: ControlFound, multiline: boolean): string {
  return `holds the control character ${found.what} at character ${found.at}; remove it (${multiline ? 'a text may hold line breaks and tabs, no other control characters' : 'a title or name is one line of plain text'})`;
}
