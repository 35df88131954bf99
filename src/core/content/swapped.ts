// What a reload of content/ did: the content before and after, queued until the scheduler has told people.
import type { Content } from './load.js';

export interface Swapped {
  before: Content;
  after: Content;
}

/** A reload's outcome, queued for the scheduler's next tick. */
export interface AgendaChange extends Swapped {
  /** Ticks that tried it; a change whose notices could not all be sent is tried again a few times. */
  tries?: number;
}
