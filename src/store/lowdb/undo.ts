// How to take a change back. The lowdb store changes its data in memory before the write awaits (so that what a
// database would decide is decided here, at once); a write that fails must leave memory as it was, or a later
// write would persist what nobody was told was saved. Each step remembers one record's value (or its absence), or
// a collection or index swapped whole: a few closures per change, kept until its write lands, never a copy of the
// store (a structuredClone of 50,000 registrations takes about half a second).
export class Undo {
  private readonly steps: (() => void)[] = [];

  /** record[key] = value, remembering what was there. */
  set<V>(record: Record<string, V>, key: string, value: V): void {
    this.remember(record, key);
    record[key] = value;
  }

  /** Deletes record[key], if it is there. */
  remove<V>(record: Record<string, V>, key: string): void {
    if (!Object.hasOwn(record, key)) return;
    this.remember(record, key);
    delete record[key];
  }

  /** map.set(key, value), remembering what was there. */
  mapSet<K, V>(map: Map<K, V>, key: K, value: V): void {
    this.rememberIn(map, key);
    map.set(key, value);
  }

  /** map.delete(key), remembering what was there. */
  mapDelete<K, V>(map: Map<K, V>, key: K): void {
    if (!map.has(key)) return;
    this.rememberIn(map, key);
    map.delete(key);
  }

  /** owner[key] = value for a whole collection: the old one is put back as it was, untouched. */
  swap<O extends object, K extends keyof O>(owner: O, key: K, value: O[K]): void {
    const before = owner[key];
    this.steps.push(() => (owner[key] = before));
    owner[key] = value;
  }

  /** Any other step, given with the way to put it back. */
  onUndo(step: () => void): void {
    this.steps.push(step);
  }

  /** Puts everything back, last step first. */
  run(): void {
    for (let i = this.steps.length - 1; i >= 0; i--) this.steps[i]!();
    this.steps.length = 0;
  }

  private remember<V>(record: Record<string, V>, key: string): void {
    if (Object.hasOwn(record, key)) {
      const before = record[key]!;
      this.steps.push(() => (record[key] = before));
    } else this.steps.push(() => delete record[key]);
  }

  private rememberIn<K, V>(map: Map<K, V>, key: K): void {
    if (map.has(key)) {
      const before = map.get(key)!;
      this.steps.push(() => map.set(key, before));
    } else this.steps.push(() => map.delete(key));
  }
}

/** Runs `apply`, recording its steps; one that throws halfway is taken back before the error goes on. */
export function recorded(apply: (undo: Undo) => void): Undo {
  const undo = new Undo();
  try {
    apply(undo);
  } catch (err) {
    undo.run();
    throw err;
  }
  return undo;
}
