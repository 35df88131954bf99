// A user's starred sessions and their private calendar token, in the lowdb file. Checked and changed before the
// write awaits, so the limit on stars and the one token per user hold however many calls race.
import type { Starrer } from '../../core/store/async-store.js';
import { TooManyStarsError } from '../../core/store/errors.js';
import { feedTokenSchema, newFeedToken } from '../../core/store/feed-token.js';
import { sessionIdSchema, starSchema, userIdSchema } from '../../core/store/records.js';
import { admit, MAX_STARS_PER_USER } from '../record-limits.js';
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

/** Code-unit order, as PostgreSQL's "C" collation gives it for these ASCII ids: the same in both stores. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const isSessionId = (id: string) => sessionIdSchema.safeParse(id).success;

export class Stars {
  /** calendar token → user id, derived from the file on open and kept in step with every change. */
  private byToken = new Map<string, string>();
  /** user id → the write of a token just made, for calls that find it before it is on disk. */
  private readonly feedsWriting = new Map<string, Promise<void>>();

  constructor(private readonly db: StoreDb) {
    for (const [userId, token] of Object.entries(db.data.feeds)) this.byToken.set(token, userId);
  }

  /** The user's stars, if any: own keys only, so an id like "constructor" is never mistaken for one. */
  private mine(userId: string): Record<string, string> | undefined {
    const stars = this.db.data.stars;
    return Object.hasOwn(stars, userId) ? stars[userId]! : undefined;
  }

  async star(userId: string, sessionId: string, at: string): Promise<boolean> {
    const s = starSchema.parse({ userId, sessionId, at });
    admit('star', s);
    const mine = this.mine(s.userId);
    if (mine && Object.hasOwn(mine, s.sessionId)) return false;
    if (mine && Object.keys(mine).length >= MAX_STARS_PER_USER) throw new TooManyStarsError(MAX_STARS_PER_USER);
    await this.db.change((u) => (mine ? u.set(mine, s.sessionId, s.at) : u.set(this.db.data.stars, s.userId, { [s.sessionId]: s.at })));
    return true;
  }

  async unstar(userId: string, sessionId: string): Promise<boolean> {
    if (!isSessionId(sessionId)) return false; // never starred: it could not have been
    const mine = this.mine(userId);
    if (!mine || !Object.hasOwn(mine, sessionId)) return false;
    await this.db.change((u) => {
      u.remove(mine, sessionId);
      if (Object.keys(mine).length === 0) u.remove(this.db.data.stars, userId);
    });
    return true;
  }

  /** Oldest first; stars made at one instant in session id order. */
  starsOf(userId: string): { sessionId: string; at: string }[] {
    return Object.entries(this.mine(userId) ?? {})
      .map(([sessionId, at]) => ({ sessionId, at }))
      .sort((a, b) => byCodeUnits(a.at, b.at) || byCodeUnits(a.sessionId, b.sessionId));
  }

  /** Who starred any of these sessions, by session id then user id. */
  starrersOf(sessionIds: readonly string[]): Starrer[] {
    const wanted = new Set(sessionIds.filter(isSessionId));
    const found: Starrer[] = [];
    if (wanted.size === 0) return found;
    for (const [userId, mine] of Object.entries(this.db.data.stars)) {
      const remindMinutes = this.db.data.users[userId]?.remindMinutes;
      for (const sessionId of Object.keys(mine)) if (wanted.has(sessionId)) found.push({ userId, sessionId, ...(remindMinutes === undefined ? {} : { remindMinutes }) });
    }
    return found.sort((a, b) => byCodeUnits(a.sessionId, b.sessionId) || byCodeUnits(a.userId, b.userId));
  }

  /** session id → how many users starred it, in session id order. */
  starCounts(): Record<string, number> {
    const counts = new Map<string, number>();
    for (const mine of Object.values(this.db.data.stars)) for (const sessionId of Object.keys(mine)) counts.set(sessionId, (counts.get(sessionId) ?? 0) + 1);
    return Object.fromEntries([...counts].sort(([a], [b]) => byCodeUnits(a, b)));
  }

  /** The user's calendar token, made (and durably written) the first time: decided before the write awaits. */
  async feedToken(userId: string): Promise<string> {
    const id = userIdSchema.parse(userId);
    const feeds = this.db.data.feeds;
    if (Object.hasOwn(feeds, id)) {
      await this.feedsWriting.get(id); // a call racing the one that made it answers once it is on disk
      return feeds[id]!;
    }
    let token = newFeedToken();
    while (this.byToken.has(token)) token = newFeedToken();
    admit('feed', { userId: id, token });
    // A failed write takes the token back: a call racing this one fails with it, and the next makes a new one.
    const written = this.db.change((u) => {
      u.set(feeds, id, token);
      u.mapSet(this.byToken, token, id);
    });
    this.feedsWriting.set(id, written);
    try {
      await written;
    } finally {
      this.feedsWriting.delete(id);
    }
    return token;
  }

  feedOwner(token: string): string | undefined {
    return feedTokenSchema.safeParse(token).success ? this.byToken.get(token) : undefined;
  }

  /** In memory only, for an erasure that writes once: the calendar address answers 404 from then on. */
  forget(userId: string, u: Undo): void {
    const data = this.db.data;
    u.remove(data.stars, userId);
    if (Object.hasOwn(data.feeds, userId)) {
      u.mapDelete(this.byToken, data.feeds[userId]!);
      u.remove(data.feeds, userId);
    }
  }

  /** In memory only, for the purge: every star and every token. */
  forgetAll(u: Undo): void {
    const byToken = this.byToken;
    this.byToken = new Map();
    u.onUndo(() => (this.byToken = byToken));
    u.swap(this.db.data, 'stars', {});
    u.swap(this.db.data, 'feeds', {});
  }
}
