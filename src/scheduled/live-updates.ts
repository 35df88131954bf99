// Live posts updated in place (Slack chat.update, Teams updateActivity) as a session's questions change: every
// change of a second is coalesced into at most one update per message, across instances, by claiming the message's
// key of that second in the store (liveUpdateKey). A second already claimed elsewhere, or a platform that failed,
// leaves the message pending: tried again the next second, or on the next scheduler tick; never thrown.
import type { DateTime } from 'luxon';
import type { TimedSession } from '../core/agenda.js';
import type { BotCore } from '../core/bot-core.js';
import type { CommandContext } from '../core/context.js';
import { log } from '../core/log.js';
import type { LivePost } from '../core/store/live-records.js';
import { livePostReply } from '../views/live/index.js';
import type { ClaimedSender } from './claimed-sender.js';
import { pool } from './pace.js';
import { liveEndedKey, liveUpdateKey } from './post-keys.js';

export interface LiveUpdatesDeps {
  core: BotCore;
  claimed: ClaimedSender;
  /** A live post's readers: its language and zone. */
  postContext: (post: LivePost) => Promise<CommandContext>;
  askWord: (ctx: CommandContext) => string;
  concurrency: number;
}

/** How long after a session's end its live posts are still turned into the ended form (a platform outage passes). */
export const ENDED_WINDOW_MS = 6 * 60 * 60 * 1000;
/** A platform that failed an update is tried again this much later (or at the next scheduler tick). */
const FAILED_RETRY_MS = 5_000;

/** Per session: every live post of it, or only the channels still to update. */
type Pending = Map<string, 'all' | Set<string>>;

export class LiveUpdates {
  private pending: Pending = new Map();
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Sessions whose end this instance has dealt with (claimed here or elsewhere), until the window closes. */
  private readonly ended = new Map<string, number>();

  constructor(private readonly deps: LiveUpdatesDeps) {}

  /** Told by the commands (BotCore.liveChanged) when a session's questions change, besides whoever was told before. */
  listen(): void {
    const before = this.deps.core.liveChanged;
    this.deps.core.liveChanged = (sessionId) => {
      before?.(sessionId);
      this.changed(sessionId);
    };
  }

  /** A session's questions or votes changed: its live posts are updated within about a second. */
  changed(sessionId: string): void {
    this.pending.set(sessionId, 'all');
    this.soon(1000 - (Date.now() % 1000));
  }

  /** Every scheduler tick: sessions just ended get their ended form once, and what is pending is tried again. */
  async tick(now: DateTime): Promise<void> {
    const { core } = this.deps;
    for (const [key, until] of this.ended) if (until <= now.toMillis()) this.ended.delete(key);
    const ended = core.agenda.all().filter((t) => t.end <= now && now.toMillis() - t.end.toMillis() < ENDED_WINDOW_MS && !this.ended.has(liveEndedKey(t)));
    for (const timed of ended) {
      // One instance claims a session's end and updates its posts; the others leave it.
      if (await core.store.claimPost(liveEndedKey(timed))) {
        await core.store.markPosted(liveEndedKey(timed));
        this.pending.set(timed.session.id, 'all');
      }
      this.ended.set(liveEndedKey(timed), timed.end.toMillis() + ENDED_WINDOW_MS);
    }
    await this.flush();
  }

  /** Updates what is pending now: after the run under way, if any (it may have read an earlier second). */
  async flush(): Promise<void> {
    await this.running;
    if (this.pending.size === 0) return;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    await this.running;
  }

  /** No more timers; resolves when the update under way is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private soon(delayMs: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    const work = this.pending;
    this.pending = new Map();
    // Real seconds, shared by every instance whatever its CKEX_NOW: the platforms' limits count in them.
    const second = Math.floor(this.deps.core.clock.realMillis() / 1000);
    let taken = false;
    let failed = false;
    for (const [sessionId, channels] of work) {
      const timed = this.deps.core.agenda.session(sessionId);
      if (!timed) continue;
      try {
        const posts = (await this.deps.core.store.livePosts(sessionId)).filter((p) => this.deps.core.notifier.reaches(p.channel) && (channels === 'all' || channels.has(p.channel)));
        await pool(posts, this.deps.concurrency, async (post) => {
          const outcome = await this.updateOne(post, timed, second);
          if (outcome === 'taken' || outcome === 'failed') this.again(sessionId, post.channel);
          taken ||= outcome === 'taken';
          failed ||= outcome === 'failed';
        });
      } catch (err) {
        // The store out of reach: all of this session is tried again at the next tick.
        this.pending.set(sessionId, 'all');
        failed = true;
        log.warn({ err: (err as Error).message, session: sessionId }, 'live posts could not be updated now; trying again');
      }
    }
    if (this.pending.size > 0 && (taken || !failed)) this.soon(1000 - (Date.now() % 1000));
    else if (this.pending.size > 0) this.soon(FAILED_RETRY_MS);
  }

  private async updateOne(post: LivePost, timed: TimedSession, second: number) {
    const { core, claimed } = this.deps;
    return claimed.send(liveUpdateKey(post.sessionId, post.channel, second), claimed.slotOf(post.channel), async () => {
      const ctx = await this.deps.postContext(post);
      // Read after the claim, so the update shows every change made before it, here or on another instance.
      const reply = livePostReply(ctx, timed, await core.store.questionsOf(post.sessionId), this.deps.askWord(ctx));
      return core.notifier.updateInChannel(post.channel, post.ref, reply);
    });
  }

  private again(sessionId: string, channel: string): void {
    const current = this.pending.get(sessionId);
    if (current === 'all') return;
    this.pending.set(sessionId, new Set([...(current ?? []), channel]));
  }
}
