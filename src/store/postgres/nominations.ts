// Nominations: one per email (the unique index decides between instances), decided once by a conditional update;
// accepting invites the email in the same transaction.
import type { Region } from '../../core/choices.js';
import { nominationSchema, type Nomination, type NominationsAdded, type NominationStatus } from '../../core/store/nomination.js';
import { inTransaction, iso, type Queryable } from './db.js';
import type pg from 'pg';

interface NominationRow {
  id: string;
  email: string;
  name: string | null;
  region: string;
  focal_point: string;
  lang: string;
  status: string;
  created_at: Date;
  decided_at: Date | null;
  decided_by: string | null;
}

const COLUMNS = 'id, email, name, region, focal_point, lang, status, created_at, decided_at, decided_by';

function fromRow(row: NominationRow): Nomination {
  return nominationSchema.parse({
    id: row.id,
    email: row.email,
    ...(row.name !== null ? { name: row.name } : {}),
    region: row.region,
    focalPoint: row.focal_point,
    lang: row.lang,
    status: row.status,
    createdAt: iso(row.created_at),
    ...(row.decided_at !== null ? { decidedAt: iso(row.decided_at) } : {}),
    ...(row.decided_by !== null ? { decidedBy: row.decided_by } : {}),
  });
}

export async function addNominations(db: Queryable, nominations: Nomination[]): Promise<NominationsAdded> {
  const added: Nomination[] = [];
  const already: string[] = [];
  for (const n of nominations.map((x) => nominationSchema.parse(x))) {
    // ON CONFLICT on the email only: another instance nominating the same email at once adds it once.
    const { rows } = await db.query<NominationRow>(
      `INSERT INTO nominations (id, email, name, region, focal_point, lang, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (email) DO NOTHING RETURNING ${COLUMNS}`,
      [n.id, n.email, n.name ?? null, n.region, n.focalPoint, n.lang, n.status, n.createdAt],
    );
    if (rows[0]) added.push(fromRow(rows[0]));
    else already.push(n.email);
  }
  return { added, already };
}

export async function nomination(db: Queryable, id: string): Promise<Nomination | undefined> {
  const { rows } = await db.query<NominationRow>(`SELECT ${COLUMNS} FROM nominations WHERE id = $1`, [id]);
  return rows[0] && fromRow(rows[0]);
}

export async function nominationsBy(db: Queryable, focalPoint: string): Promise<Nomination[]> {
  const { rows } = await db.query<NominationRow>(`SELECT ${COLUMNS} FROM nominations WHERE focal_point = $1 ORDER BY created_at DESC, id DESC`, [focalPoint]);
  return rows.map(fromRow);
}

export async function nominationsWithStatus(db: Queryable, status: NominationStatus, limit: number, region?: Region): Promise<Nomination[]> {
  const { rows } = await db.query<NominationRow>(`SELECT ${COLUMNS} FROM nominations WHERE status = $1 AND ($2::text IS NULL OR region = $2) ORDER BY created_at, id LIMIT $3`, [status, region ?? null, limit]);
  return rows.map(fromRow);
}

export async function nominationCount(db: Queryable, status: NominationStatus, region?: Region): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM nominations WHERE status = $1 AND ($2::text IS NULL OR region = $2)', [status, region ?? null]);
  return rows[0]!.n;
}

export function decideNomination(pool: pg.Pool, id: string, to: Exclude<NominationStatus, 'pending'>, by: string, at: string): Promise<Nomination | undefined> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<NominationRow>(`UPDATE nominations SET status = $2, decided_at = $3, decided_by = $4 WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`, [id, to, at, by]);
    if (!rows[0]) return undefined;
    const decided = fromRow(rows[0]);
    if (to === 'accepted') await client.query('INSERT INTO invites (email, invited_at, invited_by) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING', [decided.email, at, by]);
    return decided;
  });
}

/** Adds one nomination as it is, unless its id or email is already there: for copying a store. */
export async function putNomination(db: Queryable, n: Nomination): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO nominations (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
    [n.id, n.email, n.name ?? null, n.region, n.focalPoint, n.lang, n.status, n.createdAt, n.decidedAt ?? null, n.decidedBy ?? null],
  );
  return rowCount === 1;
}
