// What boot (src/app) hands to every surface: the core, the dispatcher that answers, the store to close.
import type { BotCore } from '../core/bot-core.js';
import type { AsyncStore } from '../core/store/async-store.js';
import type { Dispatcher } from './dispatch.js';

export interface Booted {
  core: BotCore;
  dispatcher: Dispatcher;
  store: AsyncStore;
}
