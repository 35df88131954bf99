// Waiting for something a server sends, without guessing how long it takes.

/** Polls `find` until it gives something, and gives that; past `timeoutMs` fails, saying `what` was awaited. */
export async function poll<T>(find: () => T | undefined, what: () => string, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
