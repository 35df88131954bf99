// A Slack user's time zone and locale, from users.info, cached for an hour; a failure only means "unknown".
import type { WebClient } from '@slack/web-api';
import { log } from '../../core/log.js';

export interface SlackProfile {
  tz?: string;
  locale?: string;
}

export class SlackProfiles {
  private readonly cache = new Map<string, { profile: SlackProfile; at: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly ttlMs = 60 * 60 * 1000,
  ) {}

  async get(userId: string): Promise<SlackProfile> {
    const hit = this.cache.get(userId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.profile;
    try {
      const result = await this.client.users.info({ user: userId, include_locale: true });
      const user = result.user;
      const profile: SlackProfile = { ...(user?.tz ? { tz: user.tz } : {}), ...(user?.locale ? { locale: user.locale } : {}) };
      this.cache.set(userId, { profile, at: Date.now() });
      return profile;
    } catch (err) {
      log.warn({ err: (err as Error).message, user: userId }, 'users.info failed; using defaults');
      return {};
    }
  }
}
