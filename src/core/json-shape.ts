// Bounds on untrusted JSON before anything copies, stores or stringifies it: a 20 KB body of 10,000 nested
// arrays is enough to overflow JSON.stringify's stack.
export const MAX_JSON_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `max` (checked without recursion, so it cannot overflow). */
export function nestsDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Its JSON text when it serialises within `maxBytes`, else undefined (never throws). */
export function boundedJson(value: unknown, maxBytes: number): string | undefined {
  if (nestsDeeperThan(value)) return undefined;
  try {
    const text = JSON.stringify(value);
    return text !== undefined && Buffer.byteLength(text) <= maxBytes ? text : undefined;
  } catch {
    return undefined;
  }
}
