// Arabic lines must read right-to-left whole, with every left-to-right unit (/ckex, @CKEx, [1-4], [ar|fr|en],
// (UTC+2), w1-d2-a, COVID-19) kept whole in one isolate. A range of times is the one unit read the Arabic way,
// start on the right (14:30 then 16:00, right to left), whether the times are ours (24-hour) or a client's own
// ({{TIME()}} or a Slack date as «12:30 م» or "2:30 PM"): one reading, the same on every card.
const RLM = '\u200f';
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';
const WJ = '\u2060';
const ARABIC = /\p{Script=Arabic}/u;

/**
 * Stand-ins for pieces a renderer inserts after isolating (a Slack date token, a Teams {{TIME()}}): the
 * Unicode private use area, which user text never legitimately needs (it is removed from it).
 */
const ATOM_BASE = 0xe000;
const ATOMS = /[\ue000-\uf8ff]/g;
export const atom = (index: number): string => String.fromCharCode(ATOM_BASE + index);

// A unit starts with a letter, digit, atom, or a sign that belongs to what follows (/ckex, @CKEx, [1-4], (UTC+2),
// +1), runs over Latin text, digits and the punctuation inside such units, and ends on a letter, digit, atom or closer.
const START = String.raw`[\p{Script=Latin}\d\ue000-\uf8ff/@#\[(+]`;
const INNER = String.raw`[\p{Script=Latin}\d\ue000-\uf8ff\s:/\-–.,()\[\]|@_+'’&#*<>=%\u2060]`;
const END = String.raw`[\p{Script=Latin}\d\ue000-\uf8ff)\]%]`;
// Two spaces are a column gap (a session line's time, title and id): a unit never runs across one.
const UNIT = new RegExp(`${START}(?:(?!\\s\\s)${INNER})*${END}|[\\p{Script=Latin}\\d\\ue000-\\uf8ff]`, 'gu');

/** Moves brackets the unit did not open (or close) out of it, so an Arabic "(… UTC+2)" keeps its own bracket. */
function balance(unit: string): { lead: string; body: string; tail: string } {
  let body = unit;
  let lead = '';
  let tail = '';
  const count = (s: string, c: string) => s.split(c).length - 1;
  for (;;) {
    const last = body.at(-1);
    const first = body[0];
    if ((last === ')' && count(body, ')') > count(body, '(')) || (last === ']' && count(body, ']') > count(body, '['))) {
      tail = last + tail;
      body = body.slice(0, -1);
    } else if ((first === '(' && count(body, '(') > count(body, ')')) || (first === '[' && count(body, '[') > count(body, ']'))) {
      lead += first;
      body = body.slice(1);
    } else if (first !== undefined && /[/@#+]/.test(first) && body.length === 1) {
      lead += first;
      body = '';
    } else return { lead, body, tail };
  }
}

/**
 * Wraps each left-to-right unit whole in an isolate: LRI for text, FSI where it holds an atom (a {{TIME()}} that
 * a Teams client may write in Arabic digits, so its direction is the client's).
 */
export function isolateLtr(text: string): string {
  return text.replace(UNIT, (unit) => {
    const { lead, body, tail } = balance(unit);
    if (body === '') return unit;
    const range = TIME_RANGE.exec(body);
    // Each client-written time in its own first-strong isolate (so "2:30 PM" stays whole), the pair right to left.
    if (range) return `${lead}${RLI}${timeOf(range[1]!)}${range[2]}${timeOf(range[3]!)}${PDI}${tail}`;
    ATOMS.lastIndex = 0;
    const open = ATOMS.test(body) ? FSI : LRI;
    return `${lead}${open}${body}${PDI}${tail}`;
  });
}

const ATOM_OR_TIME = String.raw`(\d{1,2}:\d{2}|[\ue000-\uf8ff])`;
const TIME_RANGE = new RegExp(`^${ATOM_OR_TIME}(\\s?–\u2060?\\s?)${ATOM_OR_TIME}$`, 'u');
const timeOf = (time: string): string => (/[\ue000-\uf8ff]/u.test(time) ? `${FSI}${time}${PDI}` : time);

/** Old name, kept for callers that isolate Latin runs. */
export const isolateLatin = isolateLtr;

/**
 * One Arabic line: starts and ends right-to-left (so trailing digits and a full stop stay at the end), units
 * isolated. The marks go inside a line's *bold* or _italic_ markers, which Slack reads only at a word's edge.
 */
export function rtlLine(line: string): string {
  if (line.trim() === '') return line;
  const [, open = '', body = '', close = ''] = /^([*_~]*(?=\S))?(.*?)((?<=\S)[*_~]*)?$/su.exec(line) ?? [];
  return `${open}${RLM}${isolateLtr(body)}${RLM}${close}`;
}

/** Makes every line of an Arabic text read right-to-left whole, with left-to-right units isolated. */
export const rtlLines = (text: string): string => text.split('\n').map(rtlLine).join('\n');

/** Arrows that point "back" and "forward" in the locales point the other way when the text runs right to left. */
const MIRRORED: Record<string, string> = { '◀': '▶', '▶': '◀', '←': '→', '→': '←', '‹': '›', '›': '‹' };
export const mirrorArrows = (text: string): string => text.replace(/[◀▶←→‹›]/g, (c) => MIRRORED[c] ?? c);

/**
 * Keeps ids and numbers with a hyphen or dash (w1-d2-a, COVID-19, 08:30–10:00) on one line: a word joiner after
 * each hyphen inside a token that holds a digit forbids the break there.
 */
export const keepWhole = (text: string): string =>
  // The isolates around a range's times count as part of the token: a dash between two isolated times stays joined.
  text.replace(/[\p{L}\d\ue000-\uf8ff\u2066-\u2069][\p{L}\d\ue000-\uf8ff\u2066-\u2069\-–:.]*[-–][\p{L}\d\ue000-\uf8ff\u2066-\u2069][\p{L}\d\ue000-\uf8ff\u2066-\u2069\-–:.]*/gu, (token) =>
    /[\d\ue000-\uf8ff]/u.test(token) ? token.replace(/([-–])(?!\u2060)/g, `$1${WJ}`) : token,
  );

/**
 * Rich text laid out for one surface: the text parts and the atoms' stand-ins isolated together (so a range
 * made of two times and a dash is one unit), THEN each text piece escaped for the surface, THEN the atoms put in.
 */
export function layout(parts: readonly ({ text: string } | { atom: string })[], opts: { rtl: boolean; escape: (s: string) => string; whole?: boolean }): string {
  const atoms: string[] = [];
  let joined = '';
  for (const part of parts) {
    if ('atom' in part) {
      joined += atom(atoms.length);
      atoms.push(part.atom);
    } else joined += part.text.replace(ATOMS, '');
  }
  let shaped = opts.rtl ? rtlLines(mirrorArrows(joined)) : joined;
  if (opts.whole) shaped = keepWhole(shaped);
  // Escape between the stand-ins only, so no entity is ever split by a control character.
  return shaped
    .split(/([\ue000-\uf8ff])/)
    .map((piece) => (/^[\ue000-\uf8ff]$/.test(piece) ? atoms[piece.charCodeAt(0) - ATOM_BASE]! : opts.escape(piece)))
    .join('');
}

export const hasArabic = (text: string): boolean => ARABIC.test(text);

/** Removes the controls again (and reads no-break spaces as spaces), for tests and for matching user input. */
export const stripBidi = (text: string): string => text.replace(/[\u200e\u200f\u2066-\u2069\u2060]/g, '').replace(/[\u00a0\u202f]/g, ' ');
