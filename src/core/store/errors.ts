// What the store contract may refuse, in every store alike: a record too large, a star too many. Nothing changed.
/** A value refused before it reaches the store: too large, too deep, or not serialisable. Only that write fails. */
export class StoreRejectedError extends Error {
  constructor(readonly what: string) {
    super(`refused to store a ${what}: too large or not serialisable`);
    this.name = 'StoreRejectedError';
  }
}

/** A star refused because the user already keeps MAX_STARS_PER_USER (record-limits.ts): nothing changed. */
export class TooManyStarsError extends Error {
  constructor(readonly limit: number) {
    super(`refused to star another session: a user may keep at most ${limit} stars`);
    this.name = 'TooManyStarsError';
  }
}

/** The store is out of reach for now (a database restarting, a disk failing a write): nothing was read or saved. */
export class StoreUnavailableError extends Error {
  constructor(readonly write: boolean) {
    super(write ? 'the store is out of reach: nothing was saved' : 'the store is out of reach: nothing could be read');
    this.name = 'StoreUnavailableError';
  }
}
