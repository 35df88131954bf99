// Builds the core from settings: content, translations, search, store and clock. Fails fast with a clear message.
import { Agenda } from '../core/agenda.js';
import type { BotCore } from '../core/bot-core.js';
import { shiftedClock, systemClock, type Clock } from '../core/clock.js';
import type { Config } from '../core/config.js';
import { loadContent } from '../core/content/load.js';
import { reloadContent } from './reload-content.js';
import { createI18n } from '../core/i18n/i18n.js';
import { Downloads } from '../core/downloads.js';
import { Notifier } from '../core/notify.js';
import { ResourceSearch } from '../core/search/index.js';
import { Dispatcher } from '../commands/dispatch.js';
import { defaultRegistry } from '../commands/registry.js';
import type { Booted } from '../commands/booted.js';
import { openStore } from '../store/open.js';
import { personalPosts } from '../scheduled/post-keys.js';
import { Reader } from '../understanding/index.js';
import { applyRetention } from '../core/retention/index.js';
import { StoreUnavailableError } from '../core/store/errors.js';

export async function boot(config: Config, clock?: Clock): Promise<Booted> {
  const content = loadContent(config.CONTENT_DIR);
  const i18n = createI18n(config.LOCALES_DIR);
  const search = await ResourceSearch.build(content.library.resources);
  const store = await openStore(config, { personalPosts, regionOf: (country) => content.regions.regionOf(country) });
  const registry = defaultRegistry();
  const core: BotCore = {
    content,
    reader: new Reader(content, registry.wordsByLanguage()),
    agenda: new Agenda(content),
    search,
    i18n,
    clock: clock ?? (config.CKEX_NOW ? shiftedClock(config.CKEX_NOW) : systemClock),
    store,
    admins: new Set(config.CKEX_ADMINS),
    focalPoints: config.CKEX_FOCAL_POINTS,
    retentionDays: config.CKEX_RETENTION_DAYS,
    joinLinkMinutes: config.CKEX_JOIN_LINK_MINUTES,
    feedbackMinutes: config.CKEX_FEEDBACK_MINUTES,
    live: { minutes: config.CKEX_LIVE_MINUTES, anonymous: config.CKEX_QA_ANONYMOUS, moderation: config.CKEX_QA_MODERATION },
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    notifier: new Notifier(),
    agendaChanges: [],
    downloads: new Downloads(config.PUBLIC_URL, store),
    ...(config.CKEX_ORGANISERS_CHANNEL ? { organisersChannel: config.CKEX_ORGANISERS_CHANNEL } : {}),
  };
  core.reloadContent = () => reloadContent(core, config.CONTENT_DIR, registry.wordsByLanguage());
  // What expired while the bot was down goes before anyone is answered; a store out of reach can answer nothing
  // personal either, and the scheduler's housekeeping applies it as soon as the store is back.
  await applyRetention(core).catch((err: unknown) => {
    if (!(err instanceof StoreUnavailableError)) throw err;
  });
  return { core, dispatcher: new Dispatcher(core, registry), store };
}
