// The one outbound port: every post nobody asked for right now (a digest, a reminder, a change notice, a channel
// update, the organisers' summary, a participant's status) goes through `post`. Each surface registers how it
// reaches its users and channels; the answer says whether it was sent, the place is gone for good, or it failed.
import { log } from './log.js';
import type { Reply } from './reply.js';

export type PostResult = 'sent' | 'gone' | 'failed';

/** A person (their full id, "slack:T1:U1", "teams:29:…"), or a channel as the platform names it ("C0123", "19:…"). */
export type PostTarget = { user: string } | { channel: string };

/** Where a post a surface keeps is, to update it in place: a Slack ts, a Teams activity id. */
export type PostRef = Record<string, string>;
export type Placed = { result: 'sent'; ref: PostRef } | { result: 'gone' | 'failed' };

export interface Poster {
  post(target: PostTarget, reply: Reply): Promise<PostResult>;
  /** Posts to a channel and says where the message is (the live post). Without it, a surface cannot update in place. */
  place?(channel: string, reply: Reply): Promise<Placed>;
  /** Replaces a message `place` posted with this reply (Slack chat.update, Teams updateActivity). */
  update?(channel: string, ref: PostRef, reply: Reply): Promise<PostResult>;
  /** The platform's member with this email, as a full user id ("slack:T1:U1"); undefined when none (or unknown). */
  findByEmail?(email: string): Promise<string | undefined>;
}

/** Routes by the id's platform prefix: "slack:T1:U1" → Slack, "teams:19:…" → Teams. */
export class Notifier {
  private readonly posters = new Map<string, Poster>();

  register(platform: string, poster: Poster): void {
    this.posters.set(platform, poster);
  }

  private route(id: string): { poster: Poster; rest: string } | undefined {
    const [platform = '', ...rest] = id.split(':');
    const poster = this.posters.get(platform);
    return poster ? { poster, rest: rest.join(':') } : undefined;
  }

  /** Whether this instance has the id's platform on at all (a Slack user cannot be reached with Slack off). */
  reaches(id: string): boolean {
    return this.route(id) !== undefined;
  }

  /** The first platform's member with this email (Slack's users.lookupByEmail); undefined where none says so. */
  async findByEmail(email: string): Promise<string | undefined> {
    for (const poster of this.posters.values()) {
      try {
        const found = await poster.findByEmail?.(email);
        if (found) return found;
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'a look-up by email failed');
      }
    }
    return undefined;
  }

  /** To a person's direct conversation with the bot. */
  toUser(userId: string, reply: Reply): Promise<PostResult> {
    return this.send(userId, { user: userId }, reply);
  }

  /** To a channel or conversation: "slack:C0123" or "teams:19:…@thread.tacv2". */
  toChannel(channel: string, reply: Reply): Promise<PostResult> {
    return this.send(channel, { channel: channel.slice(channel.indexOf(':') + 1) }, reply);
  }

  /** To a channel, keeping where the message is so it can be updated in place; a surface that cannot, posts it plainly. */
  async placeInChannel(channel: string, reply: Reply): Promise<Placed> {
    const route = this.route(channel);
    if (!route?.poster.place) {
      const result = await this.toChannel(channel, reply);
      return result === 'sent' ? { result, ref: {} } : { result };
    }
    try {
      return await route.poster.place(route.rest, reply);
    } catch (err) {
      log.warn({ err: (err as Error).message, to: 'channel' }, 'a post failed');
      return { result: 'failed' };
    }
  }

  /** Replaces a placed message; 'gone' when the surface cannot (the message or channel is gone, or no ref was kept). */
  async updateInChannel(channel: string, ref: PostRef, reply: Reply): Promise<PostResult> {
    const route = this.route(channel);
    if (!route) return 'failed';
    if (!route.poster.update || Object.keys(ref).length === 0) return 'gone';
    try {
      return await route.poster.update(route.rest, ref, reply);
    } catch (err) {
      log.warn({ err: (err as Error).message, to: 'channel' }, 'an update failed');
      return 'failed';
    }
  }

  private async send(id: string, target: PostTarget, reply: Reply): Promise<PostResult> {
    const route = this.route(id);
    if (!route) return 'failed';
    try {
      return await route.poster.post(target, reply);
    } catch (err) {
      log.warn({ err: (err as Error).message, to: 'user' in target ? 'user' : 'channel' }, 'a post failed');
      return 'failed';
    }
  }
}
