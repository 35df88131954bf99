// Announcements: counted with one UPDATE (instances sending at once each add theirs), closed once by a conditional
// update on the status.
import { announcementSchema, type Announcement } from '../../core/store/announcement.js';
import { iso, type Queryable } from './db.js';

interface AnnouncementRow {
  id: string;
  created_by: string;
  audience: unknown;
  text_en: string;
  text_fr: string | null;
  text_ar: string | null;
  send_at: Date;
  status: string;
  created_at: Date;
  sent: number;
  unreachable: number;
  closed_at: Date | null;
}

const COLUMNS = 'id, created_by, audience, text_en, text_fr, text_ar, send_at, status, created_at, sent, unreachable, closed_at';

function fromRow(row: AnnouncementRow): Announcement {
  return announcementSchema.parse({
    id: row.id,
    by: row.created_by,
    audience: row.audience,
    text: { en: row.text_en, ...(row.text_fr !== null ? { fr: row.text_fr } : {}), ...(row.text_ar !== null ? { ar: row.text_ar } : {}) },
    sendAt: iso(row.send_at),
    status: row.status,
    createdAt: iso(row.created_at),
    sent: row.sent,
    unreachable: row.unreachable,
    ...(row.closed_at !== null ? { closedAt: iso(row.closed_at) } : {}),
  });
}

export async function addAnnouncement(db: Queryable, announcement: Announcement): Promise<boolean> {
  const a = announcementSchema.parse(announcement);
  const { rowCount } = await db.query(
    `INSERT INTO announcements (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
    [a.id, a.by, JSON.stringify(a.audience), a.text.en, a.text.fr ?? null, a.text.ar ?? null, a.sendAt, a.status, a.createdAt, a.sent, a.unreachable, a.closedAt ?? null],
  );
  return rowCount === 1;
}

export async function announcement(db: Queryable, id: string): Promise<Announcement | undefined> {
  const { rows } = await db.query<AnnouncementRow>(`SELECT ${COLUMNS} FROM announcements WHERE id = $1`, [id]);
  return rows[0] && fromRow(rows[0]);
}

export async function announcements(db: Queryable, limit: number): Promise<Announcement[]> {
  const { rows } = await db.query<AnnouncementRow>(`SELECT ${COLUMNS} FROM announcements ORDER BY send_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.map(fromRow);
}

export async function announcementsBy(db: Queryable, userId: string): Promise<Announcement[]> {
  const { rows } = await db.query<AnnouncementRow>(`SELECT ${COLUMNS} FROM announcements WHERE created_by = $1 ORDER BY send_at DESC, id DESC`, [userId]);
  return rows.map(fromRow);
}

export async function dueAnnouncements(db: Queryable, now: string): Promise<Announcement[]> {
  const { rows } = await db.query<AnnouncementRow>(`SELECT ${COLUMNS} FROM announcements WHERE status = 'scheduled' AND send_at <= $1 ORDER BY send_at, id`, [now]);
  return rows.map(fromRow);
}

export async function countAnnouncementSent(db: Queryable, id: string): Promise<void> {
  await db.query('UPDATE announcements SET sent = sent + 1 WHERE id = $1', [id]);
}

export async function closeAnnouncement(db: Queryable, id: string, to: 'sent' | 'cancelled', at: string, unreachable?: number): Promise<Announcement | undefined> {
  const { rows } = await db.query<AnnouncementRow>(
    `UPDATE announcements SET status = $2::text, closed_at = $3, unreachable = CASE WHEN $2::text = 'sent' THEN $4::int ELSE unreachable END
     WHERE id = $1 AND status = 'scheduled' RETURNING ${COLUMNS}`,
    [id, to, at, unreachable ?? 0],
  );
  return rows[0] && fromRow(rows[0]);
}

/** Adds one announcement as it is, unless its id is already there: for copying a store. */
export const putAnnouncement = (db: Queryable, a: Announcement): Promise<boolean> => addAnnouncement(db, a);
