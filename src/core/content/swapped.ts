// What a reload of content/ did: the content before and after, queued until the scheduler has told people.
import type { Content } from './load.js';

export interface Swapped {
  before: Content;
  after: Content;
}

/** A reload's outcome, queued for the scheduler's next tick. */
export interface AgendaChange extends Swapped {
  /** When a tick first tried it (epoch ms, the core clock): notices not all sent are tried again for hours. */
  firstTried?: number;
}
