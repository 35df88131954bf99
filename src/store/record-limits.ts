// The most one record may take, so a bad record fails its own write in every store alike (lowdb/ and postgres/);
// and the most stars one user may keep.
import { boundedJson } from '../core/json-shape.js';
import { StoreRejectedError } from '../core/store/errors.js';

export const MAX_RECORD_BYTES = { user: 2_048, conversation: 4_096, registration: 8_192, form: 16_384, subscription: 2_048, star: 512, feed: 512, question: 4_096, feedback: 8_192 } as const;

/** Stars one user may keep: far above an agenda's sessions, far below what a loop of `star` could pile up. */
export const MAX_STARS_PER_USER = 500;

/** Throws StoreRejectedError when the record is too large or too deep; returns it unchanged otherwise. */
export function admit<T>(what: keyof typeof MAX_RECORD_BYTES, value: T): T {
  if (boundedJson(value, MAX_RECORD_BYTES[what]) === undefined) throw new StoreRejectedError(what);
  return value;
}
