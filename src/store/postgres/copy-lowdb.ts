// Copies a lowdb store (ckex.json, and ckex-posts.json if any) into the database, in one transaction: all or
// nothing, and idempotent (every record is upserted by its key, timestamps kept), so it can be run again.
// A registration whose email another registration already holds in the database is left out and reported, and so
// is a question whose id the database already gives to another question.
import type pg from 'pg';
import type { PostsFileData } from '../lowdb/index.js';
import type { StoreData } from '../../core/store/records.js';
import { putConversation } from './conversations.js';
import { inTransaction } from './db.js';
import { putFeed } from './feeds.js';
import { putForm } from './forms.js';
import { putInvite } from './invites.js';
import { copyLive } from './live-copy.js';
import { putNomination } from './nominations.js';
import { putAnnouncement } from './announcements.js';
import { claimPost, markPosted } from './posts.js';
import { registrationByEmail, saveRegistration } from './registrations.js';
import { putStar } from './stars.js';
import { saveSubscription } from './subscriptions.js';
import { putUser } from './users.js';

export interface CopyReport {
  users: number;
  conversations: number;
  registrations: number;
  forms: number;
  invites: number;
  subscriptions: number;
  posts: number;
  /** Starred (user, session) pairs, their instants kept. */
  stars: number;
  /** Calendar tokens: each user's private address keeps working after the move. */
  feeds: number;
  /** Nominations, their decisions kept. */
  nominations: number;
  /** Live sessions: questions under their own ids, their votes, each session's moderators, the live posts. */
  questions: number;
  votes: number;
  moderators: number;
  'live posts': number;
  /** Ids of questions left out: the database already gives them to other questions. */
  questionIdTaken: string[];
  /** Announcements, their counts kept. */
  announcements: number;
  /** Ids of registrations left out: their email belongs to another registration in the database. */
  emailTaken: string[];
}

export function copyLowdbData(pool: pg.Pool, data: StoreData, posts?: PostsFileData): Promise<CopyReport> {
  return inTransaction(pool, async (client) => {
    const report: CopyReport = { users: 0, conversations: 0, registrations: 0, forms: 0, invites: 0, subscriptions: 0, posts: 0, stars: 0, feeds: 0, nominations: 0, questions: 0, votes: 0, moderators: 0, 'live posts': 0, announcements: 0, questionIdTaken: [], emailTaken: [] };
    for (const [id, prefs] of Object.entries(data.users)) {
      await putUser(client, id, prefs);
      report.users++;
    }
    for (const conversation of Object.values(data.conversations)) {
      await putConversation(client, conversation);
      report.conversations++;
    }
    for (const registration of Object.values(data.registrations)) {
      // Asked first: inside a transaction a unique violation would abort everything copied so far.
      const holder = await registrationByEmail(client, registration.email);
      if (holder && holder.id !== registration.id) {
        report.emailTaken.push(registration.id);
        continue;
      }
      await saveRegistration(client, registration);
      report.registrations++;
    }
    for (const [userId, progress] of Object.entries(data.forms)) {
      await putForm(client, userId, progress);
      report.forms++;
    }
    for (const [email, invite] of Object.entries(data.invites)) if (await putInvite(client, email, invite)) report.invites++;
    for (const subscription of Object.values(data.subscriptions)) {
      await saveSubscription(client, subscription);
      report.subscriptions++;
    }
    for (const [key, post] of Object.entries(posts?.posts ?? {})) {
      await claimPost(client, key);
      if (post.postedAt) await markPosted(client, key);
      report.posts++;
    }
    for (const [userId, mine] of Object.entries(data.stars)) {
      for (const [sessionId, at] of Object.entries(mine)) {
        await putStar(client, userId, sessionId, at);
        report.stars++;
      }
    }
    for (const [userId, token] of Object.entries(data.feeds)) {
      await putFeed(client, userId, token);
      report.feeds++;
    }
    for (const n of Object.values(data.nominations)) if (await putNomination(client, n)) report.nominations++;
    for (const a of Object.values(data.announcements)) if (await putAnnouncement(client, a)) report.announcements++;
    const live = await copyLive(client, data);
    return { ...report, questions: live.questions, votes: live.votes, moderators: live.moderators, 'live posts': live.livePosts, questionIdTaken: live.questionIdTaken };
  });
}
