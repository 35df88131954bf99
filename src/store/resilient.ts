// A store that may go away and come back (a database restarting, a failover, a disk failing a write): the same
// contract, every outage turned into StoreUnavailableError by its health (health.ts), which the core answers
// politely. Slack's replay and retry checks fall back to this instance's memory meanwhile.
import type { AsyncStore } from '../core/store/async-store.js';
import { StoreUnavailableError } from '../core/store/errors.js';
import { within } from '../core/within.js';
import type { StoreHealth } from './health.js';
import { MemorySightings } from './memory-sightings.js';

/** A replay check waits this long for the store before this instance's memory answers instead. */
const SIGHTING_BUDGET_MS = 1_000;

/** The store wrapped: the same contract, outages turned into StoreUnavailableError and counted by `health`. */
export function resilient(inner: AsyncStore, health: StoreHealth): AsyncStore & { readonly inner: AsyncStore } {
  const sightings = new MemorySightings();
  const wrapped: Record<string, unknown> = {};
  for (const name of methodNames(inner)) {
    const method = (inner as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!.bind(inner);
    wrapped[name] = (...args: unknown[]) => health.call(name, async () => method(...args));
  }
  const store = wrapped as unknown as AsyncStore;
  return {
    ...store,
    inner, // the store itself, for what only tests look at (a file's write count)
    registrationPages: (pageSize?: number) => pagesOf(health, () => inner.registrationPages(pageSize)),
    firstSeen: async (kind, id, ttlSeconds) => {
      // Slack must be acknowledged within three seconds whatever the store does: memory answers meanwhile.
      const seen = health.state === 'reachable' ? await within(store.firstSeen(kind, id, ttlSeconds).catch(() => undefined), SIGHTING_BUDGET_MS) : undefined;
      return seen ?? sightings.firstSeen(kind, id, ttlSeconds);
    },
    ping: () => health.call('ping', () => inner.ping()),
    close: async () => {
      health.close();
      await inner.close();
    },
  };
}

async function* pagesOf<T>(health: StoreHealth, pages: () => AsyncIterable<T>): AsyncIterable<T> {
  if (health.state !== 'reachable') throw new StoreUnavailableError(false);
  const iterator = pages()[Symbol.asyncIterator]();
  for (;;) {
    const next = await health.call('registrationPages', () => iterator.next());
    if (next.done) return;
    yield next.value;
  }
}

function methodNames(store: AsyncStore): string[] {
  const names = new Set<string>();
  for (let o: object | null = store; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) if (name !== 'constructor' && typeof (store as unknown as Record<string, unknown>)[name] === 'function') names.add(name);
  }
  return [...names];
}
