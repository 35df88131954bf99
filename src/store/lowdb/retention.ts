// Erasure of one user and the retention purge, across every part of the lowdb store: each part forgets in memory,
// in one change, then the file is written once, then the post claims that name a person (the PersonalPosts the
// store was opened with) go from their own file. If the first write fails nothing is forgotten; if the second
// fails the claims stay, and the same erasure asked again finishes it.
import type { PersonalPosts } from '../../core/store/personal-posts.js';
import type { PersonalDataCounts } from '../../core/store/retention-counts.js';
import type { StoreDb } from './file.js';
import type { Forms } from './forms.js';
import type { InMemory } from './in-memory.js';
import { forgetInvites } from './invites.js';
import { forgetNominations, forgetNominationsOf } from './nominations.js';
import { forgetAnnouncements, forgetAnnouncementsOf } from './announcements.js';
import type { PostClaims } from './posts.js';
import type { Registrations } from './registrations.js';
import type { Live } from './live.js';
import type { FeedbackPart } from './feedback.js';
import type { Stars } from './stars.js';
import { forgetPersonalConversations, forgetUser } from './users.js';

export interface Parts {
  db: StoreDb;
  registrations: Registrations;
  forms: Forms;
  stars: Stars;
  live: Live;
  feedback: FeedbackPart;
  posts: PostClaims;
  memory: InMemory;
  personalPosts: PersonalPosts;
}

export async function eraseUser(p: Parts, userId: string): Promise<void> {
  const emails = new Set(p.registrations.of(userId).map((r) => r.email.toLowerCase()));
  await p.db.change((u) => {
    forgetNominationsOf(p.db, userId, emails, u);
    forgetAnnouncementsOf(p.db, userId, u);
    forgetUser(p.db, userId, u);
    p.forms.forget(userId, u);
    p.registrations.forgetOf(userId, u);
    p.stars.forget(userId, u);
    p.live.forget(userId, u);
    p.feedback.forget(userId, u);
  });
  await p.posts.dropStartingWith(p.personalPosts.prefixesOf(userId));
}

export function personalDataCounts(db: StoreDb, live: Live, feedback: FeedbackPart): PersonalDataCounts {
  const d = db.data;
  return {
    registrations: Object.keys(d.registrations).length,
    invites: Object.keys(d.invites).length,
    forms: Object.keys(d.forms).length,
    conversations: Object.values(d.conversations).filter((c) => c.scope === 'personal').length,
    stars: Object.values(d.stars).reduce((n, mine) => n + Object.keys(mine).length, 0),
    feeds: Object.keys(d.feeds).length,
    nominations: Object.keys(d.nominations).length,
    ...live.counts(),
    feedback: feedback.count(),
    announcements: Object.keys(d.announcements).length,
  };
}

/** Every registration, invitation, nomination, form under way, personal conversation, download, star and calendar token, question and vote, feedback. */
export async function purgePersonalData(p: Parts): Promise<PersonalDataCounts> {
  const counts = personalDataCounts(p.db, p.live, p.feedback);
  await p.db.change((u) => {
    p.registrations.forgetAll(u);
    forgetInvites(p.db, u);
    forgetNominations(p.db, u);
    forgetAnnouncements(p.db, u);
    p.forms.forgetAll(u);
    forgetPersonalConversations(p.db, u);
    p.stars.forgetAll(u);
    p.live.forgetAll(u);
    p.feedback.forgetAll(u);
  });
  p.memory.dropDownloads(); // memory only: once the purge is on disk, so a failed one leaves the links too
  await p.posts.dropStartingWith(p.personalPosts.prefixes);
  return counts;
}
