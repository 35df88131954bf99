// Replies many people get alike (the morning's "today": one day, language and zone for hundreds of readers) are built
// once. A cached reply is keyed by everything it is made of; the cache belongs to one agenda, so a content reload
// (which swaps the agenda) starts afresh, and a new day, a star or an unstar is a new key. Cached replies are frozen:
// they are shared, and whatever adds to a reply copies it.
import type { Agenda } from '../core/agenda.js';
import type { Reply } from '../core/reply.js';

/** Replies kept per agenda: languages × zones × days × the star sets on them; past this the oldest go first. */
const MAX_REPLIES = 5_000;

const byAgenda = new WeakMap<Agenda, Map<string, Reply>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The reply for `key` built by `build` once per agenda. */
export function cachedReply(agenda: Agenda, key: string, build: () => Reply): Reply {
  let replies = byAgenda.get(agenda);
  if (!replies) byAgenda.set(agenda, (replies = new Map()));
  const hit = replies.get(key);
  if (hit) return hit;
  const reply = deepFreeze(build());
  replies.set(key, reply);
  if (replies.size > MAX_REPLIES) replies.delete(replies.keys().next().value!);
  return reply;
}
