// A reply shared by many readers (frozen by src/views/reply-cache.ts) is rendered once per set of render options:
// Block Kit or an Adaptive Card for the morning's "today" is built for the first reader and reused for the others.
// A reply made for one reader (not frozen) is rendered each time, and nothing of it is kept.
import type { Reply } from '../core/reply.js';

const rendered = new WeakMap<Reply, Map<string, unknown>>();

/** `render()` for this reply and options key, once per frozen reply. */
export function renderOnce<T>(reply: Reply, key: string, render: () => T): T {
  if (!Object.isFrozen(reply)) return render();
  let byKey = rendered.get(reply);
  if (!byKey) rendered.set(reply, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key) as T;
  const out = render();
  byKey.set(key, out);
  return out;
}
