// Posts each subscription's digest once its local time has come: exactly once per subscription and day,
// across restarts (the posted day is stored before that subscription's next post), catching up at start
// on a digest missed while the bot was down. node-cron only wakes it; what is due comes from the store.
import cron, { type ScheduledTask } from 'node-cron';
import type { BotCore } from '../core/bot-core.js';
import { log } from '../core/log.js';
import { StoreUnavailableError } from '../core/store/errors.js';
import type { Reply } from '../core/reply.js';
import type { PostResult } from '../core/notify.js';
import type { Lang } from '../core/lang.js';
import type { CommandContext } from '../core/context.js';
import type { Subscription } from '../core/store/records.js';
import { digestReply } from '../views/digest.js';
import type { Dispatcher } from '../commands/dispatch.js';
import { Backoff } from './backoff.js';
import { ClaimedSender } from './claimed-sender.js';
import { Pace, pool } from './pace.js';
import { PaceShare } from './share.js';
import { dueNow } from '../core/digest-plan.js';
import { applyRetention } from '../core/retention/index.js';
import { ReminderSender } from './reminder-sender.js';
import { LivePosts } from './live-posts.js';
import { FeedbackPrompts } from './feedback-prompts.js';
import { planNotices } from './change-notices.js';
import { digestKey, noticeKey, summaryKey, updateKey } from './post-keys.js';
import type { AgendaChange } from '../core/content/swapped.js';
import { channelUpdate, organisersSummary, personalNotice } from '../views/change-notice.js';
import { CONTENT_VERSION_SETTING, contentVersion } from '../core/content/version.js';
import { AnnouncementSender } from './announcements.js';

const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;
const TICK_BACKOFF_MS = 10_000;
const TICK_BACKOFF_MAX_MS = 80_000;

export interface TickReport {
  posted: string[];
  paused: string[];
  failed: string[];
  /** Keys of the reminders this instance sent; of the change notices, schedule updates and summaries. */
  reminded: string[];
  told: string[];
  /** Keys of the live posts, the feedback prompts and the announcement messages this instance sent. */
  live?: string[];
  feedback?: string[];
  announced?: string[];
}

// How long the notices of one reload are tried before the unsent ones are given up: long enough for a platform or
// database outage to pass, short enough that a notice never arrives a day late.
export const CHANGE_KEEP_MS = 6 * 60 * 60 * 1000;

/** Platform limits: Slack about one message a second per channel; Teams 7 a second per conversation, 30 per tenant. */
export const PACING: Record<Subscription['platform'], { perKey: number; global: number }> = {
  slack: { perKey: 1, global: 50 },
  teams: { perKey: 7, global: 30 },
};

export interface SchedulerOptions {
  concurrency?: number;
  pacing?: typeof PACING;
}

export class PostScheduler {
  private readonly claimed: ClaimedSender;
  /** This instance's share of each platform's limit, among the instances alive on the store. */
  readonly share: PaceShare;
  private readonly concurrency: number;
  private running: Promise<TickReport> | undefined;
  private task: ScheduledTask | undefined;

  constructor(
    private readonly core: BotCore,
    private readonly dispatcher: Dispatcher,
    options: SchedulerOptions = {},
  ) {
    const pacing = options.pacing ?? PACING;
    const paces = { slack: new Pace(pacing.slack.perKey, pacing.slack.global), teams: new Pace(pacing.teams.perKey, pacing.teams.global) };
    this.claimed = new ClaimedSender(core.store, paces);
    this.share = new PaceShare(core.store, Object.values(paces));
    this.concurrency = options.concurrency ?? 64;
    const askWord = (ctx: CommandContext) => dispatcher.registry.commands.find((c) => c.name === 'ask')?.aliases[ctx.lang][0] ?? 'ask';
    const postContext = (post: { channel: string; lang: Lang; zone: string }) => this.readersContext(`live:${post.channel}`, post.lang, post.zone);
    this.live = new LivePosts({ core, claimed: this.claimed, channelContext: (sub) => this.channelContext(sub), postContext, serves: (sub) => this.serves(sub), askWord, concurrency: this.concurrency });
    this.feedback = new FeedbackPrompts({ core, claimed: this.claimed, userContext: (id) => dispatcher.context({ id }, '', {}), concurrency: this.concurrency });
    this.reminders = new ReminderSender(core, this.claimed, this.concurrency, (id) => dispatcher.context({ id }, '', {}));
    this.announcements = new AnnouncementSender(core, this.claimed, this.concurrency, (id, lang) => this.readersContext(id, lang));
  }

  readonly live: LivePosts;
  private readonly feedback: FeedbackPrompts;
  private readonly announcements: AnnouncementSender;
  private readonly reminders: ReminderSender;

  /** Whether this instance has the subscription's platform on (the other instances post for it otherwise). */
  private serves(sub: Subscription): boolean {
    return this.core.notifier.reaches(`${sub.platform}:${sub.channel}`);
  }

  /** The digest of `date` for this subscription, in its language and zone, for many readers. */
  async replyFor(sub: Subscription, date: string, kind: 'day' | 'announce'): Promise<Reply> {
    return digestReply(await this.channelContext(sub), date, kind);
  }

  /** The context of a post many people read, in a language chosen for them (a channel's, the organisers'). */
  private async readersContext(id: string, lang: Lang, tz?: string): Promise<CommandContext> {
    const base = await this.dispatcher.context({ id, ...(tz ? { tz } : {}) }, '', { shared: true });
    return { ...base, lang, t: this.core.i18n.t(lang) };
  }

  /** A subscribed channel's readers: its language, its zone. */
  private channelContext(sub: Subscription): Promise<CommandContext> {
    return this.readersContext(`digest:${sub.id}`, sub.lang, sub.zone);
  }

  /** Posts everything due now. A tick already running is joined, not doubled. */
  tick(): Promise<TickReport> {
    this.running ??= this.guardedTick().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private readonly backoff = new Backoff(TICK_BACKOFF_MS, TICK_BACKOFF_MAX_MS);

  // A tick never rejects: a store or platform out of reach skips it (the claims keep anything from going twice, and
  // what was due is found again by a later tick), logged once per run of failures rather than once per tick.
  private async guardedTick(): Promise<TickReport> {
    if (this.backoff.waiting()) return { posted: [], paused: [], failed: [], reminded: [], told: [] };
    try {
      const report = await this.runTick();
      const failed = this.backoff.succeeded();
      if (failed > 0) log.info({ failedTicks: failed }, 'scheduled posts are going again');
      return report;
    } catch (err) {
      // The store out of reach fails each call at once until its own probe finds it again: the next tick simply
      // tries again. Anything else backs off, and is logged once for the run of failures.
      if (!(err instanceof StoreUnavailableError) && this.backoff.failed() === 1) log.error({ err: (err as Error).message }, 'a scheduler tick failed; trying again with backoff');
      return { posted: [], paused: [], failed: [], reminded: [], told: [] };
    }
  }

  private async runTick(): Promise<TickReport> {
    const now = this.core.clock.now();
    await this.share.beat();
    await this.claimed.catchUp();
    await this.housekeeping(now.toMillis());
    const report: TickReport = { posted: [], paused: [], failed: [], reminded: [], told: [] };
    const due = (await this.core.store.subscriptions()).flatMap((sub) => {
      const d = this.serves(sub) ? dueNow(this.core.agenda, sub, now) : undefined;
      return d ? [{ sub, ...d }] : [];
    });
    await pool(due, this.concurrency, async ({ sub, date, kind }) => {
      // Whichever instance wins the claim posts it; not sent, the next tick (here or elsewhere) tries again.
      const result = await this.claimed.send(digestKey(sub, date), this.claimed.channelSlot(sub), async () => this.core.notifier.toChannel(`${sub.platform}:${sub.channel}`, await this.replyFor(sub, date, kind)));
      if (result === 'taken') return;
      const current = await this.core.store.subscription(sub.id);
      if (!current) return;
      if (result === 'sent') {
        await this.core.store.saveSubscription({ ...current, lastPosted: date });
        report.posted.push(sub.id);
      } else if (result === 'gone') {
        await this.pause(current, now.toISO()!);
        report.paused.push(sub.id);
      } else {
        report.failed.push(sub.id); // tried again on the next tick while the day's sessions last
      }
    });
    if (due.length > 0) log.info({ due: due.length, posted: report.posted.length, paused: report.paused.length, failed: report.failed.length }, 'digest tick');
    report.reminded.push(...(await this.reminders.tick(now)));
    report.live = await this.live.tick(now);
    report.feedback = await this.feedback.tick(now);
    await this.followReload();
    await this.tellChanges(report);
    report.announced = await this.announcements.tick(now);
    return report;
  }

  /** The content version this instance last tried to follow, so a content/ that differs here is not reloaded forever. */
  private followed: string | undefined;

  /** Another instance ran `reload`: read content/ here too, and tell what changed (the keys keep it once). */
  private async followReload(): Promise<void> {
    if (!this.core.reloadContent) return;
    const wanted = await this.core.store.setting(CONTENT_VERSION_SETTING);
    if (!wanted || wanted === this.followed || wanted === contentVersion(this.core.content)) return;
    this.followed = wanted;
    try {
      const swapped = await this.core.reloadContent();
      const got = contentVersion(swapped.after);
      // The instance that ran `reload` tells people; a follower only answers from the new agenda (two quick reloads
      // followed as one would otherwise tell people a third time).
      if (got !== wanted) log.warn({ wanted, got }, 'content/ on this instance differs from the one reloaded elsewhere: give every instance the same content/');
      else log.info({ version: got }, 'followed a reload made on another instance');
    } catch (err) {
      log.error({ err: (err as Error).message }, 'could not follow a reload made on another instance; the old content stays');
    }
  }

  /** Change notices for each reload queued (`reload` here, or followed): people, channels, organisers. */
  private async tellChanges(report: TickReport): Promise<void> {
    for (const change of this.core.agendaChanges.splice(0)) {
      const complete = await this.tellChange(change, report).catch((err: Error) => {
        log.error({ err: err.message }, 'change notices failed');
        return false;
      });
      const now = this.core.clock.now().toMillis();
      change.firstTried ??= now;
      if (complete) continue;
      if (now - change.firstTried < CHANGE_KEEP_MS) this.core.agendaChanges.push(change); // the sent ones stay claimed
      else log.warn('change notices given up: some could not be sent for six hours');
    }
  }

  private async tellChange(change: AgendaChange, report: TickReport): Promise<boolean> {
    const plan = await planNotices(this.core, change);
    if (!plan) return true;
    let complete = true;
    const people = [...plan.people].filter(([user]) => this.core.notifier.reaches(user));
    let told = 0;
    await pool(people, this.concurrency, async ([user, changes]) => {
      const outcome = await this.claimed.send(noticeKey(user, plan.versions), this.claimed.userSlot(user), async () => {
        const ctx = await this.dispatcher.context({ id: user }, '', {});
        return this.core.notifier.toUser(user, personalNotice(ctx, changes));
      });
      if (outcome === 'sent') told++;
      complete = outcome !== 'failed' && complete;
      if (outcome === 'sent') report.told.push(noticeKey(user, plan.versions));
    });
    const subs = (await this.core.store.subscriptions()).filter((s) => !s.paused && this.serves(s));
    await pool(subs, this.concurrency, async (sub) => {
      const key = updateKey(sub.id, plan.versions);
      const outcome = await this.claimed.send(key, this.claimed.channelSlot(sub), async () => {
        return this.core.notifier.toChannel(`${sub.platform}:${sub.channel}`, channelUpdate(await this.channelContext(sub), plan.counts));
      });
      complete = outcome !== 'failed' && complete;
      if (outcome === 'sent') report.told.push(key);
      // A channel found gone by any kind of post pauses its subscription.
      const current = outcome === 'gone' ? await this.core.store.subscription(sub.id) : undefined;
      if (current) await this.pause(current, this.core.clock.now().toISO()!);
    });
    const organisers = this.core.organisersChannel;
    if (organisers && this.core.notifier.reaches(organisers)) {
      const key = summaryKey(plan.versions);
      const outcome = await this.claimed.send(key, async () => undefined, async () => {
        const ctx = await this.readersContext('organisers', this.core.content.event.workingLanguage);
        return this.core.notifier.toChannel(organisers, organisersSummary(ctx, plan.counts, { people: plan.people.size, channels: subs.length }));
      });
      complete = outcome !== 'failed' && complete;
      if (outcome === 'sent') report.told.push(key);
    }
    if (told > 0) log.info({ people: told }, 'change notices');
    return complete;
  }

  private lastHousekeeping = Number.NEGATIVE_INFINITY;

  /** Retention runs with the posts, at most once an hour of the core clock. */
  private async housekeeping(nowMs: number): Promise<void> {
    if (nowMs - this.lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    try {
      await applyRetention(this.core);
    } catch (err) {
      if (err instanceof StoreUnavailableError) return; // not done: the next tick tries again
      log.error({ err: (err as Error).message }, 'retention failed');
    }
    this.lastHousekeeping = nowMs;
  }

  private async pause(sub: Subscription, at: string): Promise<void> {
    await this.core.store.saveSubscription({ ...sub, paused: { at, reason: 'channel-gone' } });
    log.warn({ subscription: sub.id }, 'digest channel is gone; subscription paused');
    const channel = this.core.organisersChannel;
    if (!channel) return;
    const lang = this.core.content.event.workingLanguage;
    const t = this.core.i18n.t(lang);
    await this.core.notifier.toChannel(channel, { lang, blocks: [{ type: 'text', text: [t('digest.paused', { channel: `${sub.platform}:${sub.channel}`, lang: sub.lang })] }] });
  }

  /** Wakes every `expression` (node-cron, seconds allowed) and once now, to catch up on anything missed. */
  start(expression = '*/10 * * * * *'): void {
    this.task = cron.schedule(expression, () => void this.tick(), { name: 'ckex-digests', noOverlap: true });
    this.share.start();
    void this.tick();
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    this.share.stop();
    await Promise.all([this.running, this.live.updates.stop()]);
  }
}
