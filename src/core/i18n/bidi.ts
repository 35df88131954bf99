// Arabic lines must read right-to-left with Latin runs (COVID-19, SPJ, 08:30–10:00, w1-d2-a) kept whole.
const RLM = '\u200f';
const LRI = '\u2066';
const PDI = '\u2069';
const ARABIC = /\p{Script=Arabic}/u;
const LATIN_RUN = /[\p{Script=Latin}\d][\p{Script=Latin}\d\s:/\-–.,()@_+'’&#*]*[\p{Script=Latin}\d)]|[\p{Script=Latin}\d]/gu;

/** Wraps each Latin or digit run in a left-to-right isolate. */
export function isolateLatin(text: string): string {
  return text.replace(LATIN_RUN, (run) => {
    // A closing parenthesis belongs to the run only if the run opened it.
    const body = run.endsWith(')') && !run.includes('(') ? run.slice(0, -1) : run;
    return `${LRI}${body}${PDI}${run.slice(body.length)}`;
  });
}

/** Makes every line of an Arabic text start right-to-left, with Latin runs isolated. */
export function rtlLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? line : RLM + isolateLatin(line)))
    .join('\n');
}

export const hasArabic = (text: string): boolean => ARABIC.test(text);

/** Removes the controls again, for tests and for matching user input. */
export const stripBidi = (text: string): string => text.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
