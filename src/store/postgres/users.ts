// A chat user's preferences: one row; a patch changes only the columns it names, in one statement, so two
// instances changing different preferences of one user at once both keep theirs.
import { admit } from '../record-limits.js';
import { userPrefsSchema, type UserPrefs } from '../../core/store/records.js';
import { iso, type Queryable } from './db.js';

interface UserRow {
  lang: string | null;
  tz: string | null;
  last_lang: string | null;
  pending_yes: string | null;
  pending_no: string | null;
  pending_at: Date | null;
  remind_minutes: number | null;
  shown: unknown;
  updated_at: Date;
}

const patchSchema = userPrefsSchema.omit({ updatedAt: true }).partial();

function fromRow(row: UserRow): UserPrefs {
  return userPrefsSchema.parse({
    ...(row.lang !== null ? { lang: row.lang } : {}),
    ...(row.tz !== null ? { tz: row.tz } : {}),
    ...(row.last_lang !== null ? { lastLang: row.last_lang } : {}),
    ...(row.pending_yes !== null ? { pending: { yes: row.pending_yes, ...(row.pending_no !== null ? { no: row.pending_no } : {}), at: iso(row.pending_at) } } : {}),
    ...(row.remind_minutes !== null ? { remindMinutes: row.remind_minutes } : {}),
    ...(row.shown !== null && row.shown !== undefined ? { shown: row.shown } : {}),
    updatedAt: iso(row.updated_at),
  });
}

export async function user(db: Queryable, id: string): Promise<UserPrefs | undefined> {
  const { rows } = await db.query<UserRow>('SELECT lang, tz, last_lang, pending_yes, pending_no, pending_at, remind_minutes, shown, updated_at FROM users WHERE id = $1', [id]);
  return rows[0] && fromRow(rows[0]);
}

export async function updateUser(db: Queryable, id: string, patch: Partial<Omit<UserPrefs, 'updatedAt'>>): Promise<void> {
  const p = patchSchema.parse(admit('user', patch));
  const has = (key: keyof typeof p) => key in patch;
  await db.query(
    `INSERT INTO users (id, lang, tz, last_lang, pending_yes, pending_no, pending_at, remind_minutes, updated_at, shown)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $16::jsonb)
     ON CONFLICT (id) DO UPDATE SET
       lang = CASE WHEN $10::boolean THEN EXCLUDED.lang ELSE users.lang END,
       tz = CASE WHEN $11::boolean THEN EXCLUDED.tz ELSE users.tz END,
       last_lang = CASE WHEN $12::boolean THEN EXCLUDED.last_lang ELSE users.last_lang END,
       pending_yes = CASE WHEN $13::boolean THEN EXCLUDED.pending_yes ELSE users.pending_yes END,
       pending_no = CASE WHEN $13::boolean THEN EXCLUDED.pending_no ELSE users.pending_no END,
       pending_at = CASE WHEN $13::boolean THEN EXCLUDED.pending_at ELSE users.pending_at END,
       remind_minutes = CASE WHEN $14::boolean THEN EXCLUDED.remind_minutes ELSE users.remind_minutes END,
       shown = CASE WHEN $15::boolean THEN EXCLUDED.shown ELSE users.shown END,
       updated_at = EXCLUDED.updated_at`,
    [
      id,
      p.lang ?? null,
      p.tz ?? null,
      p.lastLang ?? null,
      p.pending?.yes ?? null,
      p.pending?.no ?? null,
      p.pending?.at ?? null,
      p.remindMinutes ?? null,
      new Date().toISOString(),
      has('lang'),
      has('tz'),
      has('lastLang'),
      has('pending'),
      has('remindMinutes'),
      has('shown'),
      p.shown ? JSON.stringify(p.shown) : null,
    ],
  );
}

/** Writes a whole record as it is, its updatedAt kept: for copying a store, not for the bot. */
export async function putUser(db: Queryable, id: string, prefs: UserPrefs): Promise<void> {
  const u = userPrefsSchema.parse(prefs);
  await db.query(
    `INSERT INTO users (id, lang, tz, last_lang, pending_yes, pending_no, pending_at, remind_minutes, updated_at, shown) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT (id) DO UPDATE SET lang = EXCLUDED.lang, tz = EXCLUDED.tz, last_lang = EXCLUDED.last_lang, pending_yes = EXCLUDED.pending_yes,
       pending_no = EXCLUDED.pending_no, pending_at = EXCLUDED.pending_at, remind_minutes = EXCLUDED.remind_minutes, updated_at = EXCLUDED.updated_at, shown = EXCLUDED.shown`,
    [id, u.lang ?? null, u.tz ?? null, u.lastLang ?? null, u.pending?.yes ?? null, u.pending?.no ?? null, u.pending?.at ?? null, u.remindMinutes ?? null, u.updatedAt, u.shown ? JSON.stringify(u.shown) : null],
  );
}
