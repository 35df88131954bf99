// Announcements in the store file, by id. Counting and closing are decided in memory, synchronously, before the
// write awaits: two ticks closing one announcement close it once.
import { announcementSchema, type Announcement } from '../../core/store/announcement.js';
import type { StoreDb } from './file.js';
import type { Undo } from './undo.js';

const all = (db: StoreDb): Announcement[] => Object.values(db.data.announcements);
const found = (db: StoreDb, id: string): Announcement | undefined => (Object.hasOwn(db.data.announcements, id) ? db.data.announcements[id] : undefined);

export async function addAnnouncement(db: StoreDb, a: Announcement): Promise<boolean> {
  const parsed = announcementSchema.parse(a);
  if (found(db, parsed.id)) return false;
  await db.change((u) => u.set(db.data.announcements, parsed.id, parsed));
  return true;
}

export const announcement = (db: StoreDb, id: string): Announcement | undefined => found(db, id);

export const announcements = (db: StoreDb, limit: number): Announcement[] =>
  all(db)
    .sort((a, b) => b.sendAt.localeCompare(a.sendAt) || b.id.localeCompare(a.id))
    .slice(0, limit);

export const announcementsBy = (db: StoreDb, userId: string): Announcement[] => announcements(db, Number.MAX_SAFE_INTEGER).filter((a) => a.by === userId);

export const dueAnnouncements = (db: StoreDb, now: string): Announcement[] => {
  const at = new Date(now).toISOString();
  return all(db)
    .filter((a) => a.status === 'scheduled' && a.sendAt <= at)
    .sort((a, b) => a.sendAt.localeCompare(b.sendAt) || a.id.localeCompare(b.id));
};

export async function countAnnouncementSent(db: StoreDb, id: string): Promise<void> {
  const a = found(db, id);
  if (!a) return;
  await db.change((u) => u.set(db.data.announcements, id, { ...a, sent: a.sent + 1 }));
}

export async function closeAnnouncement(db: StoreDb, id: string, to: 'sent' | 'cancelled', at: string, unreachable = 0): Promise<Announcement | undefined> {
  const a = found(db, id);
  if (a?.status !== 'scheduled') return undefined;
  const closed = announcementSchema.parse({ ...a, status: to, closedAt: new Date(at).toISOString(), ...(to === 'sent' ? { unreachable } : {}) });
  await db.change((u) => u.set(db.data.announcements, id, closed));
  return closed;
}

/** In memory only, for erasure: the announcements this organiser made. */
export function forgetAnnouncementsOf(db: StoreDb, userId: string, u: Undo): void {
  for (const a of all(db)) if (a.by === userId) u.remove(db.data.announcements, a.id);
}

/** In memory only, for the purge. */
export function forgetAnnouncements(db: StoreDb, u: Undo): void {
  u.swap(db.data, 'announcements', {});
}
