// Registrations, queried where they live: by id, email or user, counted and paged in SQL, never all loaded.
// One registration per email is the unique index's job, so two instances registering one email cannot both win.
import type { RegistrationExpected, RegistrationSaved } from '../../core/store/async-store.js';
import { admit } from '../record-limits.js';
import { noRegistrationCounts, type RegistrationCounts } from '../../core/store/registration-counts.js';
import { registrationSchema, type Registration, type RegistrationStatus } from '../../core/store/records.js';
import { isUniqueViolation, iso, type Queryable } from './db.js';

interface RegistrationRow {
  id: string;
  email: string;
  name: string;
  organisation: string;
  country: string;
  role: string;
  institution: string;
  region: string;
  nominated_by: string | null;
  interpretation: string;
  consent_at: Date;
  lang: string;
  status: string;
  invited: boolean;
  email_verified: boolean | null;
  user_ids: string[];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, email, name, organisation, country, role, institution, region, nominated_by, interpretation, consent_at, lang, status, invited, email_verified, user_ids, created_at, updated_at';

function fromRow(row: RegistrationRow): Registration {
  return registrationSchema.parse({
    id: row.id,
    email: row.email,
    name: row.name,
    organisation: row.organisation,
    country: row.country,
    role: row.role,
    institution: row.institution,
    region: row.region,
    ...(row.nominated_by !== null ? { nominatedBy: row.nominated_by } : {}),
    interpretation: row.interpretation,
    consentAt: iso(row.consent_at),
    lang: row.lang,
    status: row.status,
    invited: row.invited,
    ...(row.email_verified !== null ? { emailVerified: row.email_verified } : {}),
    userIds: row.user_ids,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  });
}

async function one(db: Queryable, where: string, value: string): Promise<Registration | undefined> {
  const { rows } = await db.query<RegistrationRow>(`SELECT ${COLUMNS} FROM registrations WHERE ${where}`, [value]);
  return rows[0] && fromRow(rows[0]);
}

export const registration = (db: Queryable, id: string) => one(db, 'id = $1', id.toUpperCase());

export const registrationByEmail = (db: Queryable, email: string) => one(db, 'lower(email) = lower($1)', email);

export async function registrationsOf(db: Queryable, userId: string): Promise<Registration[]> {
  const { rows } = await db.query<RegistrationRow>(`SELECT ${COLUMNS} FROM registrations WHERE user_ids @> ARRAY[$1]::text[] ORDER BY updated_at DESC, id`, [userId]);
  return rows.map(fromRow);
}

export async function registrationsWithStatus(db: Queryable, status: RegistrationStatus, limit: number): Promise<Registration[]> {
  const { rows } = await db.query<RegistrationRow>(`SELECT ${COLUMNS} FROM registrations WHERE status = $1 ORDER BY created_at, id COLLATE "C" LIMIT $2`, [status, Math.max(0, Math.floor(limit))]);
  return rows.map(fromRow);
}

export async function saveRegistration(db: Queryable, registration: Registration, expected?: RegistrationExpected): Promise<RegistrationSaved> {
  const r = registrationSchema.parse(admit('registration', registration));
  const values = [r.id, r.email, r.name, r.organisation, r.country, r.role, r.institution, r.region, r.nominatedBy ?? null, r.interpretation, r.consentAt, r.lang, r.status, r.invited, r.emailVerified ?? null, r.userIds, r.createdAt, r.updatedAt];
  // Insert or update by id in one statement: an email held by another id raises the unique index, and this loses.
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await db.query<RegistrationRow>(
        `INSERT INTO registrations (${COLUMNS}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (id) ${
           expected === 'new'
             ? 'DO NOTHING'
             : `DO UPDATE SET ${COLUMNS.split(', ')
                 .slice(1)
                 .map((c) => `${c} = EXCLUDED.${c}`)
                 .join(', ')}${expected ? ` WHERE registrations.updated_at = $${values.length + 1}::timestamptz` : ''}`
         }
         RETURNING ${COLUMNS}`,
        expected && expected !== 'new' ? [...values, expected.updatedAt] : values,
      );
      // Nothing written: the registration is not as it was read (decided meanwhile, or made by another message).
      if (rows.length === 0) return { outcome: 'moved', registration: await one(db, 'id = $1', r.id) };
      return { outcome: 'saved', registration: fromRow(rows[0]!) };
    } catch (err) {
      if (!isUniqueViolation(err, 'registrations_email_key')) throw err;
      const holder = await registrationByEmail(db, r.email);
      if (holder) return { outcome: 'taken', registration: holder };
      if (attempt >= 2) throw err; // the holder was erased in between: try again
    }
  }
}

export async function setRegistrationStatus(db: Queryable, id: string, from: RegistrationStatus, to: RegistrationStatus, at: string, mark?: { invited: true }): Promise<Registration | undefined> {
  const { rows } = await db.query<RegistrationRow>(
    `UPDATE registrations SET status = $3, updated_at = $4, invited = invited OR $5
     WHERE id = $1 AND status = $2 RETURNING ${COLUMNS}`,
    [id.toUpperCase(), from, to, at, mark?.invited === true],
  );
  return rows[0] && fromRow(rows[0]);
}

/** One scan: GROUPING SETS gives each breakdown and the total; GROUPING() says which set a row belongs to. */
export async function registrationCounts(db: Queryable): Promise<RegistrationCounts> {
  const { rows } = await db.query<{ status: string; region: string; country: string; interpretation: string; g: number; n: number }>(
    `SELECT status, region, country, interpretation, GROUPING(status, region, country, interpretation) AS g, count(*)::int AS n
     FROM registrations GROUP BY GROUPING SETS ((status), (region), (country), (interpretation), ())`,
  );
  const counts = noRegistrationCounts();
  for (const row of rows) {
    if (row.g === 0b0111) counts.byStatus[row.status] = row.n;
    else if (row.g === 0b1011) counts.byRegion[row.region] = row.n;
    else if (row.g === 0b1101) counts.byCountry[row.country] = row.n;
    else if (row.g === 0b1110) counts.byInterpretation[row.interpretation] = row.n;
    else counts.total = row.n;
  }
  return counts;
}

/** Keyset pages in export order (created, then id): each page is one indexed query, whatever the total. */
export async function* registrationPages(db: Queryable, pageSize: number): AsyncIterable<Registration[]> {
  // The key travels as PostgreSQL's own text of the instant: exact to the microsecond, where a Date is not.
  type PageRow = RegistrationRow & { created_key: string };
  let after: { createdKey: string; id: string } | undefined;
  for (;;) {
    const { rows } = after
      ? await db.query<PageRow>(`SELECT ${COLUMNS}, created_at::text AS created_key FROM registrations WHERE (created_at, id) > ($1::timestamptz, $2) ORDER BY created_at, id LIMIT $3`, [after.createdKey, after.id, pageSize])
      : await db.query<PageRow>(`SELECT ${COLUMNS}, created_at::text AS created_key FROM registrations ORDER BY created_at, id LIMIT $1`, [pageSize]);
    if (rows.length === 0) return;
    yield rows.map(fromRow);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = { createdKey: last.created_key, id: last.id };
  }
}
