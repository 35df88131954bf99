// Announcements as scheduled posts: once one's time has come, one direct message to each recipient in their
// language (or one post to each subscribed channel in its own), each claimed by key (person or channel, and the
// announcement) before it is sent, so it goes once across restarts and instances, paced like every post. One that
// could not be sent is tried again a minute later, for an hour; then it is counted unreachable and the
// announcement is closed, once, by whichever instance gets there first.
import type { DateTime } from 'luxon';
import type { BotCore } from '../core/bot-core.js';
import { recipientsOf, type Announcement } from '../core/announcements/index.js';
import type { CommandContext } from '../core/context.js';
import type { Lang } from '../core/lang.js';
import type { Subscription } from '../core/store/records.js';
import type { PostResult } from '../core/notify.js';
import { log } from '../core/log.js';
import { announcementMessage } from '../views/announce/index.js';
import type { ClaimedSender } from './claimed-sender.js';
import { pool } from './pace.js';
import { announceChannelKey, announceKey } from './post-keys.js';

/** How long recipients not reached are tried again before they are counted unreachable. */
export const ANNOUNCE_KEEP_MS = 60 * 60 * 1000;
const RETRY_MS = 60_000;

type Target = { key: string; to: string; lang: Lang; kind: 'user' } | { key: string; to: string; lang: Lang; kind: 'channel'; sub: Subscription };

export class AnnouncementSender {
  /** Keys this instance need not offer again before then (sent or claimed elsewhere: never; failed: a minute). */
  private readonly settled = new Map<string, number>();

  constructor(
    private readonly core: BotCore,
    private readonly claimed: ClaimedSender,
    private readonly concurrency: number,
    private readonly context: (id: string, lang: Lang) => Promise<CommandContext>,
  ) {}

  /** Sends what is due now; the keys sent by this instance. */
  async tick(now: DateTime): Promise<string[]> {
    const sent: string[] = [];
    for (const a of await this.core.store.dueAnnouncements(now.toUTC().toISO()!)) sent.push(...(await this.send(a, now)));
    return sent;
  }

  private async targets(a: Announcement): Promise<Target[]> {
    const { people, channels } = await recipientsOf(this.core.store, a.audience, (email) => this.core.notifier.findByEmail(email));
    return [
      ...people.map((p): Target => ({ key: announceKey(p.userId, a.id), to: p.userId, lang: p.lang, kind: 'user' })),
      ...channels.map((s): Target => ({ key: announceChannelKey(s.id, a.id), to: `${s.platform}:${s.channel}`, lang: s.lang, kind: 'channel', sub: s })),
    ];
  }

  private async send(a: Announcement, now: DateTime): Promise<string[]> {
    const ms = now.toMillis();
    const all = await this.targets(a);
    // A recipient whose platform this instance does not have is left to the instances that do.
    const mine = all.filter((t) => this.core.notifier.reaches(t.to));
    const due = mine.filter((t) => (this.settled.get(t.key) ?? 0) <= ms);
    const sent: string[] = [];
    let failed = 0;
    await pool(due, this.concurrency, async (t) => {
      const outcome: PostResult | 'taken' = await this.claimed.send(t.key, t.kind === 'user' ? this.claimed.userSlot(t.to) : this.claimed.channelSlot(t.sub), async () => {
        const ctx = await this.context(t.to, t.lang);
        const reply = announcementMessage(ctx, a.text);
        return t.kind === 'user' ? this.core.notifier.toUser(t.to, reply) : this.core.notifier.toChannel(t.to, reply);
      });
      if (outcome === 'sent') {
        sent.push(t.key);
        await this.core.store.countAnnouncementSent(a.id);
      }
      if (outcome === 'failed' || outcome === 'gone') failed++;
      this.settled.set(t.key, outcome === 'failed' || outcome === 'gone' ? ms + RETRY_MS : Number.POSITIVE_INFINITY);
    });
    const waiting = mine.filter((t) => (this.settled.get(t.key) ?? 0) !== Number.POSITIVE_INFINITY).length;
    const expired = ms - Date.parse(a.sendAt) >= ANNOUNCE_KEEP_MS;
    // Done when every recipient this instance can reach has it (or another instance took it), and no platform is
    // missing here; or, the hour over, with those not reached counted.
    if ((waiting === 0 && mine.length === all.length) || expired) {
      const closed = await this.core.store.closeAnnouncement(a.id, 'sent', now.toUTC().toISO()!, expired ? waiting : 0);
      if (closed) {
        for (const t of all) this.settled.delete(t.key);
        log.info({ announcement: a.id, sent: closed.sent, unreachable: closed.unreachable }, 'announcement sent');
      }
    } else if (failed > 0) log.info({ announcement: a.id, failed }, 'announcement: some recipients not reached yet; trying again');
    return sent;
  }
}
