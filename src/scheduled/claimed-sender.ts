// Sending one scheduled post: its pace slot, its claim (one instance wins it), the post, then marked as sent or
// given back. A claim that could not be given back (the store out of reach just then) is given back later, so a
// post that was not sent is never lost to a claim nobody holds.
import { log } from '../core/log.js';
import type { PostResult } from '../core/notify.js';
import type { AsyncStore } from '../core/store/async-store.js';
import type { Subscription } from '../core/store/records.js';
import type { Pace } from './pace.js';

type Platform = Subscription['platform'];

export class ClaimedSender {
  /** Claims of posts not sent, to give back as soon as the store answers again. */
  private readonly unreleased = new Set<string>();

  constructor(
    private readonly store: AsyncStore,
    private readonly paces: Record<Platform, Pace>,
  ) {}

  /**
   * Claimed, then paced, sent, and recorded; anything that fails after the claim (building the reply, the platform)
   * gives it back. The claim comes before the pace slot: instances fanning out together walk the same list, and a
   * post another instance took must not cost this one a slot of the workspace's shared limit (share.ts), or the two
   * would go at half the limit between them. A crash loses the claims waiting for their slot (at most the fan-out's
   * concurrency): never sent twice, those few are not sent.
   */
  async send(key: string, slot: () => Promise<void>, post: () => Promise<PostResult>): Promise<PostResult | 'taken'> {
    if (!(await this.store.claimPost(key))) return 'taken';
    await slot();
    let result: PostResult = 'failed';
    try {
      result = await post();
    } catch (err) {
      log.error({ err: (err as Error).message }, 'a scheduled post failed before it was sent');
    }
    if (result === 'sent') {
      await this.store.markPosted(key); // out of reach here, the claim stays: never sent twice
      return 'sent';
    }
    await this.release(key);
    return result;
  }

  /** Gives back the claims that could not be given back before. */
  async catchUp(): Promise<void> {
    for (const key of [...this.unreleased]) await this.release(key);
  }

  private async release(key: string): Promise<void> {
    try {
      await this.store.releasePost(key);
      this.unreleased.delete(key);
    } catch {
      this.unreleased.add(key); // logged by the store once for the outage
    }
  }

  /** A channel's pace slot: Slack about one message a second per channel, Teams seven. */
  channelSlot(sub: Subscription): () => Promise<void> {
    return () => this.paces[sub.platform].slot(`${sub.platform}:${sub.channel}`);
  }

  /** The pace slot of a channel named with its platform ("slack:C0123", "teams:19:…"). */
  slotOf(channel: string): () => Promise<void> {
    const platform: Platform = channel.startsWith('teams:') ? 'teams' : 'slack';
    return () => this.paces[platform].slot(channel);
  }

  /** A person's direct conversation's pace slot. */
  userSlot(userId: string): () => Promise<void> {
    const platform: Platform = userId.startsWith('teams:') ? 'teams' : 'slack';
    return () => this.paces[platform].slot(`${platform}:user:${userId}`);
  }
}
