// Everything a command may use, built once at start-up and shared by every surface.
import type { Agenda } from './agenda.js';
import type { Clock } from './clock.js';
import type { Content } from './content/load.js';
import type { I18n } from './i18n/i18n.js';
import type { ResourceSearch } from './search/index.js';
import type { QuestionReader } from './reading.js';
import type { AsyncStore } from './store/async-store.js';
import type { Downloads } from './downloads.js';
import type { Notifier } from './notify.js';
import type { AgendaChange, Swapped } from './content/swapped.js';
import type { LiveSettings } from './live/settings.js';
import type { FocalPoints } from './nominations/focal-points.js';

export interface BotCore {
  content: Content;
  agenda: Agenda;
  search: ResourceSearch;
  /** Reads questions in people's own words (src/understanding, handed in at boot). */
  reader: QuestionReader;
  i18n: I18n;
  clock: Clock;
  store: AsyncStore;
  admins: ReadonlySet<string>;
  /** Regional focal points (CKEX_FOCAL_POINTS): platform id → the region they nominate for. */
  focalPoints: FocalPoints;
  /** Days after the event's last day when personal data is erased (CKEX_RETENTION_DAYS). */
  retentionDays: number;
  /** Minutes before a session's start from which its join link is shown (CKEX_JOIN_LINK_MINUTES). */
  joinLinkMinutes: number;
  /** Live sessions: when questions open, whether they may be anonymous, whether they wait for a moderator. */
  live: LiveSettings;
  /** Told when a session's questions or votes changed, so its live posts are updated (src/scheduled/live). */
  liveChanged?: (sessionId: string) => void;
  /** Minutes after a session ends when its feedback prompt goes (CKEX_FEEDBACK_MINUTES; absent: 5). */
  feedbackMinutes?: number;
  /** Base URL where this server is reachable, for calendar links; absent when unknown. */
  publicUrl?: string;
  notifier: Notifier;
  downloads: Downloads;
  /** Where organisers are told about registrations to approve ("slack:C0123", "teams:19:…"). */
  organisersChannel?: string;
  /** Reads content/ again and swaps content, agenda, search and reader in place (`reload`); throws ContentError and keeps the old. */
  reloadContent?: () => Promise<Swapped>;
  /** Reloads waiting for the scheduler to tell people what changed (src/scheduled/change-notices.ts). */
  agendaChanges: AgendaChange[];
}
