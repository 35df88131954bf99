// Live posts as scheduled posts: CKEX_LIVE_MINUTES before each session, one post to each subscribed channel in its
// language, claimed by key (subscription, session and its start), so it goes once across restarts and instances.
// Due from then until the session starts: one missed while the bot was down is not sent once the session runs
// (questions stay open through `ask` and `questions`), so a restart mid-session posts nothing unexpected. Where
// each post is, is kept (live_posts) for its updates in place (live-updates.ts).
import type { DateTime } from 'luxon';
import type { TimedSession } from '../core/agenda.js';
import type { BotCore } from '../core/bot-core.js';
import type { CommandContext } from '../core/context.js';
import { opensAt } from '../core/live/index.js';
import type { Subscription } from '../core/store/records.js';
import type { LivePost } from '../core/store/live-records.js';
import { log } from '../core/log.js';
import { livePostReply } from '../views/live/index.js';
import type { ClaimedSender } from './claimed-sender.js';
import { pool } from './pace.js';
import { liveKey } from './post-keys.js';
import { LiveUpdates } from './live-updates.js';

export interface LivePostsDeps {
  core: BotCore;
  claimed: ClaimedSender;
  /** The channel's readers: its language and zone. */
  channelContext: (sub: Subscription) => Promise<CommandContext>;
  serves: (sub: Subscription) => boolean;
  /** A live post's readers, for its updates in place. */
  postContext: (post: LivePost) => Promise<CommandContext>;
  /** The ask command's first word in a language, as the post tells people to type it. */
  askWord: (ctx: CommandContext) => string;
  concurrency: number;
}

/** Sessions whose live post is due at `now`: from CKEX_LIVE_MINUTES before the start until the start. */
export const dueLiveSessions = (core: BotCore, now: DateTime): TimedSession[] => core.agenda.all().filter((t) => opensAt(t, core.live.minutes) <= now && now < t.start);

export class LivePosts {
  /** Keys this instance need not offer again until the session starts: claimed here or elsewhere. */
  private readonly settled = new Map<string, number>();

  /** The posts sent, updated in place as their questions change and once their session has ended. */
  readonly updates: LiveUpdates;

  constructor(private readonly deps: LivePostsDeps) {
    this.updates = new LiveUpdates(deps);
    this.updates.listen();
  }

  /** Posts what is due; returns the keys this instance sent. */
  async tick(now: DateTime): Promise<string[]> {
    const { core, claimed } = this.deps;
    for (const [key, until] of this.settled) if (until <= now.toMillis()) this.settled.delete(key);
    await this.updates.tick(now);
    const sessions = dueLiveSessions(core, now);
    if (sessions.length === 0) return [];
    const subs = (await core.store.subscriptions()).filter((s) => !s.paused && this.deps.serves(s));
    const due = subs.flatMap((sub) => sessions.map((timed) => ({ sub, timed, key: liveKey(sub.id, timed) }))).filter((d) => !this.settled.has(d.key));
    const sent: string[] = [];
    await pool(due, this.deps.concurrency, async ({ sub, timed, key }) => {
      const outcome = await claimed.send(key, claimed.channelSlot(sub), async () => {
        const ctx = await this.deps.channelContext(sub);
        const channel = `${sub.platform}:${sub.channel}`;
        const placed = await core.notifier.placeInChannel(channel, livePostReply(ctx, timed, await core.store.questionsOf(timed.session.id), this.deps.askWord(ctx)));
        if (placed.result === 'sent') await this.keep({ sessionId: timed.session.id, channel, lang: sub.lang, zone: ctx.zone, ref: placed.ref, postedAt: now.toUTC().toISO()! });
        return placed.result;
      });
      if (outcome === 'sent') sent.push(key);
      if (outcome !== 'failed') this.settled.set(key, timed.start.toMillis());
    });
    return sent;
  }

  /** Where the post is, so it is updated in place; out of reach, the post is sent all the same and stays as sent. */
  private async keep(post: LivePost): Promise<void> {
    try {
      await this.deps.core.store.saveLivePost(post);
    } catch (err) {
      log.warn({ err: (err as Error).message, session: post.sessionId }, 'a live post was sent but where it is could not be kept: it will not be updated');
    }
  }
}
