// Sends the reminders that are due (reminders.ts says which), each claimed by its key before it goes.
import type { DateTime } from 'luxon';
import type { BotCore } from '../core/bot-core.js';
import type { CommandContext } from '../core/context.js';
import { log } from '../core/log.js';
import { reminderReply } from '../views/reminder.js';
import type { ClaimedSender } from './claimed-sender.js';
import { pool } from './pace.js';
import { dueReminders } from './reminders.js';

/** A person the bot could not reach is tried again this much later, until the session starts. */
const REMINDER_RETRY_MS = 60_000;

export class ReminderSender {
  /** Keys this instance need not offer again until then: claimed (here or elsewhere) until the start, failed a minute. */
  private readonly settled = new Map<string, number>();

  constructor(
    private readonly core: BotCore,
    private readonly claimed: ClaimedSender,
    private readonly concurrency: number,
    private readonly userContext: (userId: string) => Promise<CommandContext>,
  ) {}

  /** Sends what is due now; returns the keys of the reminders this instance sent. */
  async tick(now: DateTime): Promise<string[]> {
    for (const [key, until] of this.settled) if (until <= now.toMillis()) this.settled.delete(key);
    const due = (await dueReminders(this.core, now)).filter((r) => !this.settled.has(r.key) && this.core.notifier.reaches(r.userId));
    const sent: string[] = [];
    await pool(due, this.concurrency, async (r) => {
      const outcome = await this.claimed.send(r.key, this.claimed.userSlot(r.userId), async () => {
        return this.core.notifier.toUser(r.userId, reminderReply(await this.userContext(r.userId), r.timed));
      });
      if (outcome === 'sent') sent.push(r.key);
      // Not sent (a person the bot cannot reach yet, a platform refusing): tried again a minute later, here or
      // on another instance, until the session starts.
      const start = r.timed.start.toMillis();
      this.settled.set(r.key, outcome === 'failed' ? Math.min(start, now.toMillis() + REMINDER_RETRY_MS) : start);
    });
    if (sent.length > 0) log.info({ due: due.length, sent: sent.length }, 'reminders tick');
    return sent;
  }
}
