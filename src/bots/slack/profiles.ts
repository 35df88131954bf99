// A Slack user's time zone and locale, from users.info, cached for an hour; a failure only means "unknown".
// While Slack is unavailable the lookup waits its turn like a scheduled post: the answer goes with defaults.
import type { WebClient } from '@slack/web-api';
import { log } from '../../core/log.js';
import { within } from '../../core/within.js';
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

  /** The cached profile, or users.info within `timeoutMs` (a late answer is still cached for the next message). */
  async get(userId: string, timeoutMs = PROFILE_TIMEOUT_MS): Promise<SlackProfile> {
    const hit = this.cache.get(userId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.profile;
    let fetching = this.inflight.get(userId);
    if (!fetching && !this.slackUp.admits()) return {};
    if (!fetching) {
      fetching = this.fetch(userId).finally(() => this.inflight.delete(userId));
      this.inflight.set(userId, fetching);
    }
    return (await within(fetching, timeoutMs)) ?? {};
  }

  /** Kept an hour; past MAX_PROFILES the oldest go first, so a large workspace never grows the process without end. */
  private remember(userId: string, profile: SlackProfile): void {
    this.cache.delete(userId); // re-inserted last: Map order is age order
    this.cache.set(userId, { profile, at: Date.now() });
    for (const [id, entry] of this.cache) {
      if (this.cache.size <= MAX_PROFILES && Date.now() - entry.at < this.ttlMs) break;
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
