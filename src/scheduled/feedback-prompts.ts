// Feedback prompts as scheduled posts: CKEX_FEEDBACK_MINUTES after a session ends, one direct message to each
// person who starred it, asked or voted in it, in their language, claimed by key (person, session and its start)
// so it goes once across restarts and instances. Not to someone who turned prompts off or already answered, nor
// to anyone erased (`me delete` took their stars, questions and votes). Due for a day after its time: one missed
// while the bot was down still goes, but a bot started long after the event does not prompt for every session.
import type { DateTime } from 'luxon';
import type { TimedSession } from '../core/agenda.js';
import type { BotCore } from '../core/bot-core.js';
import type { CommandContext } from '../core/context.js';
import { DEFAULT_FEEDBACK_MINUTES, promptAt } from '../core/feedback/index.js';
import { NO_FORM } from '../core/store/async-store.js';
import { feedbackPromptReply } from '../views/feedback/index.js';
import type { ClaimedSender } from './claimed-sender.js';
import { pool } from './pace.js';
import { feedbackKey } from './post-keys.js';

/** How long after its time a prompt is still sent. */
export const PROMPT_DUE_MS = 24 * 60 * 60 * 1000;
/** A person the bot could not reach is tried again this much later, while the prompt is due. */
const RETRY_MS = 60_000;

export interface FeedbackPromptsDeps {
  core: BotCore;
  claimed: ClaimedSender;
  /** The person's context: their language and zone. */
  userContext: (userId: string) => Promise<CommandContext>;
  concurrency: number;
}

/** Sessions whose prompts are due at `now`. */
export function duePromptSessions(core: BotCore, now: DateTime): TimedSession[] {
  const minutes = core.feedbackMinutes ?? DEFAULT_FEEDBACK_MINUTES;
  return core.agenda.all().filter((t) => promptAt(t, minutes) <= now && now.toMillis() < promptAt(t, minutes).toMillis() + PROMPT_DUE_MS);
}

export class FeedbackPrompts {
  /** Keys this instance need not offer again until then: claimed here or elsewhere, or failed a minute ago. */
  private readonly settled = new Map<string, number>();

  constructor(private readonly deps: FeedbackPromptsDeps) {}

  /** Sends what is due; returns the keys this instance sent. */
  async tick(now: DateTime): Promise<string[]> {
    const { core, claimed } = this.deps;
    for (const [key, until] of this.settled) if (until <= now.toMillis()) this.settled.delete(key);
    const due: Array<{ userId: string; timed: TimedSession; key: string }> = [];
    for (const timed of duePromptSessions(core, now)) {
      const people = (await core.store.sessionAudience(timed.session.id)).filter((u) => core.notifier.reaches(u));
      if (people.length === 0) continue;
      const off = await core.store.feedbackPromptsOff(people);
      const answered = new Set((await core.store.feedbackOn([timed.session.id])).map((f) => f.userId));
      for (const userId of people) {
        const key = feedbackKey(userId, timed);
        if (!off.has(userId) && !answered.has(userId) && !this.settled.has(key)) due.push({ userId, timed, key });
      }
    }
    const sent: string[] = [];
    await pool(due, this.deps.concurrency, async ({ userId, timed, key }) => {
      const outcome = await claimed.send(key, claimed.userSlot(userId), async () => {
        const ctx = await this.deps.userContext(userId);
        const result = await core.notifier.toUser(userId, feedbackPromptReply(ctx, timed));
        if (result === 'sent') await this.openForm(ctx, timed);
        return result;
      });
      if (outcome === 'sent') sent.push(key);
      const until = promptAt(timed, core.feedbackMinutes ?? DEFAULT_FEEDBACK_MINUTES).toMillis() + PROMPT_DUE_MS;
      this.settled.set(key, outcome === 'failed' ? Math.min(until, now.toMillis() + RETRY_MS) : until);
    });
    return sent;
  }

  /** The prompt's conversation, so that a typed "4" answers it; never over a form already under way. */
  private async openForm(ctx: CommandContext, timed: TimedSession): Promise<void> {
    const at = ctx.now.toUTC().toISO()!;
    await ctx.core.store.saveForm(ctx.caller.id, { kind: 'feedback', subject: timed.session.id, answers: {}, step: 0, review: false, editing: false, lang: ctx.lang, startedAt: at, updatedAt: at }, NO_FORM);
  }
}
