// Live sessions in the lowdb file: questions, one vote per person and question, moderators, live posts. Each
// check (the open-question limit, a vote already there) and its change happen before the write awaits, so racing
// calls in this one process decide exactly as PostgreSQL's unique keys and locks do.
import { liveQuestionSchema, livePostSchema, moderatorsSchema, newQuestionSchema, questionIdSchema, type LivePost, type LiveQuestion, type NewQuestion, type QuestionStatus, type StoredQuestion, type VoteToggled } from '../../core/store/live-records.js';
import { sessionIdSchema, userIdSchema } from '../../core/store/records.js';
import { admit } from '../record-limits.js';
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const idNumber = (id: string): number => Number(id.slice(1));
const isQuestionId = (id: string): boolean => questionIdSchema.safeParse(id).success;

/** Most votes first, then oldest, then by id: the order both stores give. */
export const byVotes = (a: LiveQuestion, b: LiveQuestion): number => b.votes - a.votes || byCodeUnits(a.createdAt, b.createdAt) || idNumber(a.id) - idNumber(b.id);

export class Live {
  constructor(private readonly db: StoreDb) {}

  private get data() {
    return this.db.data;
  }

  private stored(id: string): StoredQuestion | undefined {
    return isQuestionId(id) && Object.hasOwn(this.data.questions, id) ? this.data.questions[id] : undefined;
  }

  private withVotes(q: StoredQuestion): LiveQuestion {
    const votes = Object.hasOwn(this.data.votes, q.id) ? Object.keys(this.data.votes[q.id]!).length : 0;
    return { ...q, votes };
  }

  async add(question: NewQuestion, maxOpen: number): Promise<LiveQuestion | 'limit'> {
    const q = newQuestionSchema.parse(question);
    admit('question', q);
    const open = Object.values(this.data.questions).filter((s) => s.sessionId === q.sessionId && s.authorId === q.authorId && (s.status === 'open' || s.status === 'waiting')).length;
    if (open >= maxOpen) return 'limit';
    const seq = this.data.questionSeq + 1;
    const stored: StoredQuestion = { id: `q${seq}`, ...q, updatedAt: q.createdAt };
    await this.db.change((u) => {
      u.swap(this.data, 'questionSeq', seq);
      u.set(this.data.questions, stored.id, stored);
    });
    return liveQuestionSchema.parse({ ...stored, votes: 0 });
  }

  question(id: string): LiveQuestion | undefined {
    const q = this.stored(id);
    return q && this.withVotes(q);
  }

  questionsOf(sessionId: string): LiveQuestion[] {
    return Object.values(this.data.questions)
      .filter((q) => q.sessionId === sessionId)
      .map((q) => this.withVotes(q))
      .sort(byVotes);
  }

  async setStatus(id: string, from: readonly QuestionStatus[], to: QuestionStatus, at: string): Promise<LiveQuestion | undefined> {
    const q = this.stored(id);
    if (!q || !from.includes(q.status)) return undefined;
    const changed: StoredQuestion = { ...q, status: to, updatedAt: new Date(at).toISOString() };
    await this.db.change((u) => u.set(this.data.questions, id, changed));
    return this.withVotes(changed);
  }

  async toggleVote(questionId: string, userId: string, at: string): Promise<VoteToggled | undefined> {
    const user = userIdSchema.parse(userId);
    if (!this.stored(questionId)) return undefined;
    const votes = this.data.votes;
    const mine = Object.hasOwn(votes, questionId) ? votes[questionId]! : undefined;
    const had = mine !== undefined && Object.hasOwn(mine, user);
    const when = new Date(at).toISOString();
    await this.db.change((u) => {
      if (had) {
        u.remove(mine, user);
        if (Object.keys(mine).length === 0) u.remove(votes, questionId);
      } else if (mine) u.set(mine, user, when);
      else u.set(votes, questionId, { [user]: when });
    });
    return { voted: !had, votes: Object.hasOwn(votes, questionId) ? Object.keys(votes[questionId]!).length : 0 };
  }

  questionsBy(userId: string): LiveQuestion[] {
    return Object.values(this.data.questions)
      .filter((q) => q.authorId === userId)
      .map((q) => this.withVotes(q))
      .sort((a, b) => byCodeUnits(a.createdAt, b.createdAt) || idNumber(a.id) - idNumber(b.id));
  }

  votesBy(userId: string): Array<{ questionId: string; at: string }> {
    return Object.entries(this.data.votes)
      .filter(([, voters]) => Object.hasOwn(voters, userId))
      .map(([questionId, voters]) => ({ questionId, at: voters[userId]! }))
      .sort((a, b) => byCodeUnits(a.at, b.at) || idNumber(a.questionId) - idNumber(b.questionId));
  }

  moderatorsOf(sessionId: string): string[] {
    return Object.hasOwn(this.data.moderators, sessionId) ? [...this.data.moderators[sessionId]!] : [];
  }

  async setModerators(sessionId: string, ids: readonly string[]): Promise<void> {
    const session = sessionIdSchema.parse(sessionId);
    const list = moderatorsSchema.parse([...new Set(ids)]);
    await this.db.change((u) => (list.length === 0 ? u.remove(this.data.moderators, session) : u.set(this.data.moderators, session, list)));
  }

  async saveLivePost(post: LivePost): Promise<void> {
    const p = livePostSchema.parse(post);
    await this.db.change((u) => u.set(this.data.livePosts, `${p.sessionId} ${p.channel}`, p));
  }

  livePosts(sessionId: string): LivePost[] {
    return Object.values(this.data.livePosts)
      .filter((p) => p.sessionId === sessionId)
      .sort((a, b) => byCodeUnits(a.channel, b.channel));
  }

  /** In memory only, for an erasure that writes once: their votes; their questions, anonymous ones kept without author. */
  forget(userId: string, u: Undo): void {
    for (const [questionId, voters] of Object.entries(this.data.votes)) {
      if (!Object.hasOwn(voters, userId)) continue;
      if (Object.keys(voters).length === 1) u.remove(this.data.votes, questionId);
      else u.remove(voters, userId);
    }
    for (const q of Object.values(this.data.questions)) {
      if (q.authorId !== userId) continue;
      if (q.anonymous) {
        const { authorId: _erased, ...rest } = q;
        u.set(this.data.questions, q.id, rest);
      } else {
        u.remove(this.data.questions, q.id);
        u.remove(this.data.votes, q.id);
      }
    }
  }

  counts(): { questions: number; votes: number } {
    return { questions: Object.keys(this.data.questions).length, votes: Object.values(this.data.votes).reduce((n, v) => n + Object.keys(v).length, 0) };
  }

  /** In memory only, for the purge: every question and vote (the id sequence goes on: ids are never reused). */
  forgetAll(u: Undo): void {
    u.swap(this.data, 'questions', {});
    u.swap(this.data, 'votes', {});
  }
}
