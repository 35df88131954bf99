// A Slack user's time zone and locale, from users.info, cached for an hour; a failure only means "unknown".
// While Slack is unavailable the lookup waits its turn like a scheduled post: the answer goes with defaults.
// A profile past its hour is answered at once and refreshed behind the answer (nobody waits for a refresh); an
// overloaded listener sheds users.info altogether (ack-budget.ts): the old profile, or the defaults.
import type { WebClient } from '@slack/web-api';
import { log } from '../../core/log.js';
import { within } from '../../core/within.js';
import type { ProfileWait } from './ack-budget.js';
import { Availability } from '../availability.js';
import { slackUnavailable } from './http.js';

export interface SlackProfile {
  tz?: string;
  locale?: string;
  /** The profile's email (scope users:read.email): what Slack vouches this user owns. */
  email?: string;
}

/** A first-seen user's users.info must not eat the ack budget: past this, answer with defaults. */
export const PROFILE_TIMEOUT_MS = 1_000;

/** An old profile is still answered (and refreshed behind the answer) for this long: a day. */
const STALE_MS = 24 * 60 * 60 * 1000;

/** Profiles kept at most (an email, a zone and a locale each: a few MB at this size). */
const MAX_PROFILES = 20_000;

export class SlackProfiles {
  private readonly cache = new Map<string, { profile: SlackProfile; at: number }>();
  private readonly inflight = new Map<string, Promise<SlackProfile>>();

  constructor(
    private readonly client: WebClient,
    private readonly slackUp = new Availability('Slack'),
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  /**
   * The cached profile; one past its hour at once, refreshed in the background; else users.info within
   * `wait.waitMs` (a late answer is still cached for the next message). `wait.shed`: no users.info at all now.
   */
  async get(userId: string, wait: Partial<ProfileWait> = {}): Promise<SlackProfile> {
    const hit = this.cache.get(userId);
    const age = hit ? Date.now() - hit.at : Infinity;
    if (hit && age < this.ttlMs) return hit.profile;
    if (wait.shed) return hit && age < STALE_MS ? hit.profile : {};
    const fetching = this.lookup(userId);
    if (hit && age < STALE_MS) return hit.profile;
    return (fetching && (await within(fetching, wait.waitMs ?? PROFILE_TIMEOUT_MS))) ?? {};
  }

  /** users.info for this user, once at a time; none while Slack is known to be away. */
  private lookup(userId: string): Promise<SlackProfile> | undefined {
    let fetching = this.inflight.get(userId);
    if (!fetching && !this.slackUp.admits()) return undefined;
    if (!fetching) {
      fetching = this.fetch(userId).finally(() => this.inflight.delete(userId));
      this.inflight.set(userId, fetching);
    }
    return fetching;
  }

  /** Kept a day (fresh for an hour); past MAX_PROFILES the oldest go first, so a large workspace never grows the process without end. */
  private remember(userId: string, profile: SlackProfile): void {
    this.cache.delete(userId); // re-inserted last: Map order is age order
    this.cache.set(userId, { profile, at: Date.now() });
    for (const [id, entry] of this.cache) {
      if (this.cache.size <= MAX_PROFILES && Date.now() - entry.at < STALE_MS) break;
      this.cache.delete(id);
    }
  }

  private async fetch(userId: string): Promise<SlackProfile> {
    try {
      const result = await this.client.users.info({ user: userId, include_locale: true });
      const user = result.user;
      const email = user?.profile?.email;
      const profile: SlackProfile = { ...(user?.tz ? { tz: user.tz } : {}), ...(user?.locale ? { locale: user.locale } : {}), ...(email ? { email } : {}) };
      this.remember(userId, profile);
      return profile;
    } catch (err) {
      // Slack away is logged once for the outage; anything else (a missing scope…) here.
      if (!slackUnavailable(err)) log.warn({ err: (err as Error).message, user: userId }, 'users.info failed; using defaults');
      return {};
    }
  }
}
