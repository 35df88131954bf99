// Posts each subscription's digest once its local time has come: exactly once per subscription and day,
// across restarts (the posted day is stored before that subscription's next post), catching up at start
// on a digest missed while the bot was down. node-cron only wakes it; what is due comes from the store.
import cron, { type ScheduledTask } from 'node-cron';
import type { DateTime } from 'luxon';
import type { BotCore } from '../core/bot-core.js';
import { log } from '../core/log.js';
import type { Reply } from '../core/reply.js';
import type { Subscription } from '../store/schema.js';
import { digestReply } from '../commands/views/digest.js';
import type { Dispatcher } from '../commands/dispatch.js';
import { Pace, pool } from './pace.js';
import { dueNow } from './plan.js';
import { applyRetention } from '../retention/index.js';
import { reminderReply } from '../commands/views/reminder.js';
import { dueReminders, type DueReminder } from './reminders.js';

const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

/** The key a digest is claimed by: one post per subscription and local day, whichever instance sends it. */
export const digestKey = (sub: Pick<Subscription, 'id'>, date: string): string => `digest::${sub.id}::${date}`;

export type PostResult = 'sent' | 'gone' | 'failed';

export interface DigestPoster {
  post(sub: Subscription, reply: Reply): Promise<PostResult>;
}

export interface TickReport {
  posted: string[];
  paused: string[];
  failed: string[];
  /** Keys of the reminders this instance sent. */
  reminded: string[];
}

/** Tries of one reminder on this instance before it leaves it to the others (a person the bot cannot reach). */
const REMINDER_TRIES = 3;

/** Platform limits: Slack about one message a second per channel; Teams 7 a second per conversation, 30 per tenant. */
export const PACING: Record<Subscription['platform'], { perKey: number; global: number }> = {
  slack: { perKey: 1, global: 50 },
  teams: { perKey: 7, global: 30 },
};

export interface SchedulerOptions {
  concurrency?: number;
  pacing?: typeof PACING;
}

export class DigestScheduler {
  private readonly posters = new Map<Subscription['platform'], DigestPoster>();
  private readonly paces: Record<Subscription['platform'], Pace>;
  private readonly concurrency: number;
  private running: Promise<TickReport> | undefined;
  private task: ScheduledTask | undefined;

  constructor(
    private readonly core: BotCore,
    private readonly dispatcher: Dispatcher,
    options: SchedulerOptions = {},
  ) {
    const pacing = options.pacing ?? PACING;
    this.paces = { slack: new Pace(pacing.slack.perKey, pacing.slack.global), teams: new Pace(pacing.teams.perKey, pacing.teams.global) };
    this.concurrency = options.concurrency ?? 64;
  }

  register(platform: Subscription['platform'], poster: DigestPoster): void {
    this.posters.set(platform, poster);
  }

  /** The digest of `date` for this subscription, in its language and zone, for many readers. */
  async replyFor(sub: Subscription, date: string, kind: 'day' | 'announce'): Promise<Reply> {
    const base = await this.dispatcher.context({ id: `digest:${sub.id}`, tz: sub.zone }, '', { shared: true });
    return digestReply({ ...base, lang: sub.lang, t: this.core.i18n.t(sub.lang) }, date, kind);
  }

  /** Posts everything due now. A tick already running is joined, not doubled. */
  tick(): Promise<TickReport> {
    this.running ??= this.runTick().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runTick(): Promise<TickReport> {
    const now = this.core.clock.now();
    await this.housekeeping(now.toMillis());
    const report: TickReport = { posted: [], paused: [], failed: [], reminded: [] };
    const due = (await this.core.store.subscriptions()).flatMap((sub) => {
      const d = this.posters.has(sub.platform) ? dueNow(this.core.agenda, sub, now) : undefined;
      return d ? [{ sub, ...d }] : [];
    });
    await pool(due, this.concurrency, async ({ sub, date, kind }) => {
      // Claimed before it is sent, by every instance alike: the one that wins posts it, the others let it be.
      const key = digestKey(sub, date);
      if (!(await this.core.store.claimPost(key))) return;
      const poster = this.posters.get(sub.platform)!;
      await this.paces[sub.platform].slot(`${sub.platform}:${sub.channel}`);
      const result = await this.replyFor(sub, date, kind)
        .then((reply) => poster.post(sub, reply))
        .catch((err: Error) => {
          log.error({ subscription: sub.id, err: err.message }, 'digest post threw');
          return 'failed' as const;
        });
      if (result === 'sent') await this.core.store.markPosted(key);
      else await this.core.store.releasePost(key); // not sent: the next tick (here or elsewhere) tries again
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
    await this.remind(now, report);
    return report;
  }

  /** Keys this instance knows are claimed (by it or another), with when they stop mattering: not asked again. */
  private readonly settled = new Map<string, number>();
  private readonly reminderFailures = new Map<string, number>();

  private async remind(now: DateTime, report: TickReport): Promise<void> {
    for (const [key, until] of this.settled) if (until <= now.toMillis()) this.settled.delete(key);
    const reachable = (await dueReminders(this.core, now)).filter((r) => !this.settled.has(r.key) && this.core.notifier.reaches(r.userId));
    if (reachable.length === 0) return;
    // One statement claims them all; what another instance (or an earlier run) claimed is not this one's to send.
    const won = new Set(await this.core.store.claimPosts(reachable.map((r) => r.key)));
    for (const r of reachable) this.settled.set(r.key, r.timed.start.toMillis());
    await pool(
      reachable.filter((r) => won.has(r.key)),
      this.concurrency,
      (r) => this.sendReminder(r, report),
    );
    if (won.size > 0) log.info({ due: won.size, sent: report.reminded.length }, 'reminders tick');
  }

  private async sendReminder(r: DueReminder, report: TickReport): Promise<void> {
    const platform = r.userId.split(':')[0] === 'teams' ? 'teams' : 'slack';
    await this.paces[platform].slot(`${platform}:user:${r.userId}`);
    const ctx = await this.dispatcher.context({ id: r.userId }, '', {});
    const sent = await this.core.notifier.toUser(r.userId, reminderReply(ctx, r.timed));
    if (sent) {
      await this.core.store.markPosted(r.key);
      report.reminded.push(r.key);
      return;
    }
    // Not sent: released, so the next tick (here, or on another instance) tries again while the session has not started.
    await this.core.store.releasePost(r.key);
    const tries = (this.reminderFailures.get(r.key) ?? 0) + 1;
    this.reminderFailures.set(r.key, tries);
    if (tries < REMINDER_TRIES) this.settled.delete(r.key);
    else log.warn({ tries }, 'reminder not delivered; left to other instances');
  }

  private lastHousekeeping = Number.NEGATIVE_INFINITY;

  /** Retention runs with the posts, at most once an hour of the core clock. */
  private async housekeeping(nowMs: number): Promise<void> {
    if (nowMs - this.lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    this.lastHousekeeping = nowMs;
    await applyRetention(this.core).catch((err: Error) => log.error({ err: err.message }, 'retention failed'));
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
    void this.tick();
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.running;
  }
}
