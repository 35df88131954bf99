// Feedback in the lowdb file: one answer per person and session, keyed `<session> <user>` (a second replaces the
// first, keeping when it was first given), the people who turned prompts off, and a session's audience read from
// the stars, questions and votes the file already holds.
import { feedbackSchema, type Feedback } from '../../core/store/feedback-record.js';
import { sessionIdSchema, userIdSchema } from '../../core/store/records.js';
import { admit } from '../record-limits.js';
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const key = (sessionId: string, userId: string) => `${sessionId} ${userId}`;
/** By session, then oldest first, then by user: the order both stores give. */
const inOrder = (a: Feedback, b: Feedback): number => byCodeUnits(a.sessionId, b.sessionId) || byCodeUnits(a.createdAt, b.createdAt) || byCodeUnits(a.userId, b.userId);

export class FeedbackPart {
  constructor(private readonly db: StoreDb) {}

  private get data() {
    return this.db.data;
  }

  private all(): Feedback[] {
    return Object.values(this.data.feedback);
  }

  async save(feedback: Feedback): Promise<void> {
    const f = feedbackSchema.parse(admit('feedback', feedback));
    const k = key(f.sessionId, f.userId);
    const before = Object.hasOwn(this.data.feedback, k) ? this.data.feedback[k] : undefined;
    const kept = before ? { ...f, createdAt: before.createdAt } : f;
    await this.db.change((u) => u.set(this.data.feedback, k, kept));
  }

  from(userId: string, sessionId: string): Feedback | undefined {
    const k = key(sessionId, userId);
    return Object.hasOwn(this.data.feedback, k) ? this.data.feedback[k] : undefined;
  }

  on(sessionIds: readonly string[]): Feedback[] {
    const wanted = new Set(sessionIds.filter((id) => sessionIdSchema.safeParse(id).success));
    return this.all().filter((f) => wanted.has(f.sessionId)).sort(inOrder);
  }

  everything(): Feedback[] {
    return this.all().sort(inOrder);
  }

  by(userId: string): Feedback[] {
    return this.all()
      .filter((f) => f.userId === userId)
      .sort((a, b) => byCodeUnits(a.createdAt, b.createdAt) || byCodeUnits(a.sessionId, b.sessionId));
  }

  audience(sessionId: string): string[] {
    const people = new Set<string>();
    for (const [userId, stars] of Object.entries(this.data.stars)) if (Object.hasOwn(stars, sessionId)) people.add(userId);
    for (const q of Object.values(this.data.questions)) {
      if (q.sessionId !== sessionId) continue;
      if (q.authorId) people.add(q.authorId);
      if (Object.hasOwn(this.data.votes, q.id)) for (const voter of Object.keys(this.data.votes[q.id]!)) people.add(voter);
    }
    return [...people].sort(byCodeUnits);
  }

  async setPrompts(userId: string, on: boolean, at: string): Promise<void> {
    const user = userIdSchema.parse(userId);
    const off = Object.hasOwn(this.data.feedbackOff, user);
    if (on && !off) return;
    if (!on && off) return;
    await this.db.change((u) => (on ? u.remove(this.data.feedbackOff, user) : u.set(this.data.feedbackOff, user, new Date(at).toISOString())));
  }

  promptsOff(userIds: readonly string[]): Set<string> {
    return new Set(userIds.filter((id) => Object.hasOwn(this.data.feedbackOff, id)));
  }

  /** In memory only, for an erasure that writes once: their answers and their setting. */
  forget(userId: string, u: Undo): void {
    for (const [k, f] of Object.entries(this.data.feedback)) if (f.userId === userId) u.remove(this.data.feedback, k);
    if (Object.hasOwn(this.data.feedbackOff, userId)) u.remove(this.data.feedbackOff, userId);
  }

  /** The purge: every answer (the prompts setting is a preference, like the reminders', and stays). */
  forgetAll(u: Undo): void {
    for (const k of Object.keys(this.data.feedback)) u.remove(this.data.feedback, k);
  }

  count(): number {
    return Object.keys(this.data.feedback).length;
  }
}
