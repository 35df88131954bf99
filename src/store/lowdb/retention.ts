// Erasure of one user and the retention purge, across every part of the lowdb store: each part forgets in memory,
// then the file is written once, then the post claims that name a person (the PersonalPosts the store was opened
// with) go from their own file.
import type { PersonalPosts } from '../../core/store/personal-posts.js';
import type { PersonalDataCounts } from '../../core/store/retention-counts.js';
import type { StoreDb } from './file.js';
import type { Forms } from './forms.js';
import type { InMemory } from './in-memory.js';
import { forgetInvites } from './invites.js';
import type { PostClaims } from './posts.js';
import type { Registrations } from './registrations.js';
import type { Stars } from './stars.js';
import { forgetPersonalConversations, forgetUser } from './users.js';

export interface Parts {
  db: StoreDb;
  registrations: Registrations;
  forms: Forms;
  stars: Stars;
  posts: PostClaims;
  memory: InMemory;
  personalPosts: PersonalPosts;
}

export async function eraseUser(p: Parts, userId: string): Promise<void> {
  forgetUser(p.db, userId);
  p.forms.forget(userId);
  p.registrations.forgetOf(userId);
  p.stars.forget(userId);
  await p.db.write();
  await p.posts.dropStartingWith(p.personalPosts.prefixesOf(userId));
}

export function personalDataCounts(db: StoreDb): PersonalDataCounts {
  const d = db.data;
  return {
    registrations: Object.keys(d.registrations).length,
    invites: Object.keys(d.invites).length,
    forms: Object.keys(d.forms).length,
    conversations: Object.values(d.conversations).filter((c) => c.scope === 'personal').length,
    stars: Object.values(d.stars).reduce((n, mine) => n + Object.keys(mine).length, 0),
    feeds: Object.keys(d.feeds).length,
  };
}

/** Every registration, invitation, form under way, personal conversation, download, star and calendar token. */
export async function purgePersonalData(p: Parts): Promise<PersonalDataCounts> {
  const counts = personalDataCounts(p.db);
  p.registrations.forgetAll();
  forgetInvites(p.db);
  p.forms.forgetAll();
  forgetPersonalConversations(p.db);
  p.stars.forgetAll();
  p.memory.dropDownloads();
  await p.db.write();
  await p.posts.dropStartingWith(p.personalPosts.prefixes);
  return counts;
}
