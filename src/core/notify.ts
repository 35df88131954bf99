// Telling people things they did not ask for right now: a participant whose registration changed status,
// the organisers' channel about a registration to approve. Each surface registers how it reaches its users.
import { log } from './log.js';
import type { Reply } from './reply.js';

export interface Sender {
  /** Posts to a user's direct conversation with the bot. */
  toUser(userId: string, reply: Reply): Promise<boolean>;
  /** Posts to a channel or conversation. */
  toChannel(channelId: string, reply: Reply): Promise<boolean>;
}

/** Routes by the id's platform prefix: "slack:T1:U1" → Slack, "teams:29:…" → Teams. */
export class Notifier {
  private readonly senders = new Map<string, Sender>();

  register(platform: string, sender: Sender): void {
    this.senders.set(platform, sender);
  }

  private route(id: string): { sender: Sender; rest: string } | undefined {
    const [platform = '', ...rest] = id.split(':');
    const sender = this.senders.get(platform);
    return sender ? { sender, rest: rest.join(':') } : undefined;
  }

  /** Whether this instance has the user's platform on at all (a Slack user cannot be reached with Slack off). */
  reaches(userId: string): boolean {
    return this.route(userId) !== undefined;
  }

  async toUser(userId: string, reply: Reply): Promise<boolean> {
    const target = this.route(userId);
    if (!target) return false;
    try {
      return await target.sender.toUser(userId, reply);
    } catch (err) {
      log.warn({ user: userId, err: (err as Error).message }, 'could not notify user');
      return false;
    }
  }

  /** "slack:C0123" or "teams:19:…@thread.tacv2". */
  async toChannel(channel: string, reply: Reply): Promise<boolean> {
    const target = this.route(channel);
    if (!target) return false;
    try {
      return await target.sender.toChannel(target.rest, reply);
    } catch (err) {
      log.warn({ channel, err: (err as Error).message }, 'could not post to channel');
      return false;
    }
  }
}
