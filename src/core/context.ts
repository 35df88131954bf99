// Who is asking and the context an answer is made in: shared by commands, views, the scheduler and every surface.
import type { DateTime } from 'luxon';
import type { BotCore } from './bot-core.js';
import type { Lang } from './lang.js';
import type { Translate } from './i18n/i18n.js';
import type { VersionedForm } from './store/async-store.js';
import type { UserPrefs } from './store/records.js';

/** Who is asking, as a surface knows them. */
export interface Caller {
  /** Stable id, prefixed by platform: "slack:T1:U1", "teams:29:...", "console:local". */
  id: string;
  /** Ids an organiser may be listed under in CKEX_ADMINS (the raw platform id, AAD object id...). */
  adminIds?: string[];
  platformLocale?: string;
  tz?: string;
  /** Asks the platform which email it vouches this user owns (Slack profile, Teams roster); only when needed. */
  verifiedEmail?: () => Promise<string | undefined>;
}

export interface CommandContext {
  core: BotCore;
  caller: Caller;
  lang: Lang;
  t: Translate;
  /** The zone times are shown in: the caller's if known, else the event's. */
  zone: string;
  now: DateTime;
  isAdmin: boolean;
  /** Read by many people (a channel): times are shown in each reader's own zone where the surface can. */
  shared: boolean;
  /** A direct conversation (DM, personal chat, console), where a form may ask one question at a time. */
  conversational: boolean;
  channel?: ChannelRef;
  /** The caller's preferences as the message arrived (one read per message). */
  prefs?: UserPrefs;
  /** The caller's form under way as the message arrived, in a direct conversation; its version guards the next save. */
  form?: VersionedForm;
  /** The sessions the caller starred, as the message arrived (not read for shared replies). */
  starred?: ReadonlySet<string>;
  /** The store could not be read as the message arrived: preferences, form and stars are unknown, not absent. */
  unread?: true;
}

export interface HandleOptions {
  shared?: boolean;
  /** The language of the message a button was pressed on: keeps a conversation in its language. */
  lang?: Lang;
  conversational?: boolean;
  /** The channel or conversation the message came from, where a subscription would post. */
  channel?: ChannelRef;
}

export interface ChannelRef {
  platform: 'slack' | 'teams';
  id: string;
  /** Its name, when the platform gives it (a Slack command's channel_name, a Teams channel's name). */
  name?: string;
}
