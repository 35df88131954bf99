// Block Kit's limits, in one place (api.slack.com/reference/block-kit).
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  elementsPerActions: 25,
  buttonText: 75,
  buttonValue: 2000,
  contextText: 3000,
  fallbackText: 3000,
} as const;

/** Cuts text to a limit, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits a long text into pieces of at most `max` characters, at line ends where possible. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > max / 2 ? cut : max;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  pieces.push(rest);
  return pieces;
}
