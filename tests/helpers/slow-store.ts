// A slowed store for the end-to-end tests: while the gate is shut, every store call but the ones named waits (a
// database that has stopped answering for a while); opening it lets them all through, in order.
export interface StoreGate {
  shut(): void;
  open(): void;
}

export function gateStore(store: object, except: readonly string[] = ['firstSeen', 'close']): StoreGate {
  let waiting: (() => void)[] | undefined;
  const names = new Set<string>();
  for (let proto: object | null = store; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor' && typeof (store as Record<string, unknown>)[name] === 'function') names.add(name);
  }
  for (const name of names) {
    if (except.includes(name)) continue;
    const original = (store as Record<string, (...a: unknown[]) => unknown>)[name]!.bind(store);
    (store as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      if (waiting) await new Promise<void>((go) => waiting!.push(go));
      return original(...args);
    };
  }
  return {
    shut: () => void (waiting ??= []),
    open: () => {
      const go = waiting ?? [];
      waiting = undefined;
      for (const g of go) g();
    },
  };
}
