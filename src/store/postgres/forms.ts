// Forms under way, with optimistic versions: a save names the version it read and loses if another save (two
// quick messages on two instances) got there first. Answers are rows of their own, dropped with their form.
import type { FormSaved, VersionedForm } from '../../core/store/async-store.js';
import { NO_FORM } from '../../core/store/async-store.js';
import { admit } from '../record-limits.js';
import { formProgressSchema, type FormProgress } from '../../core/store/records.js';
import { inTransaction, iso, type Queryable } from './db.js';
import type pg from 'pg';

interface FormRow {
  version: string; // bigint arrives as text
  step: number;
  review: boolean;
  editing: boolean;
  pending_choices: string[] | null;
  region_to_confirm: string | null;
  kind: string | null;
  subject: string | null;
  lang: string;
  started_at: Date;
  updated_at: Date;
  answers: Record<string, string>;
}

function fromRow(row: FormRow): VersionedForm {
  const progress = formProgressSchema.parse({
    answers: row.answers,
    step: row.step,
    review: row.review,
    editing: row.editing,
    ...(row.pending_choices !== null ? { pendingChoices: row.pending_choices } : {}),
    ...(row.region_to_confirm !== null ? { regionToConfirm: row.region_to_confirm } : {}),
    ...(row.kind !== null && row.kind !== 'registration' ? { kind: row.kind } : {}),
    ...(row.subject !== null ? { subject: row.subject } : {}),
    lang: row.lang,
    startedAt: iso(row.started_at),
    updatedAt: iso(row.updated_at),
  });
  return { progress, version: Number(row.version) };
}

export async function form(db: Queryable, userId: string): Promise<VersionedForm | undefined> {
  const { rows } = await db.query<FormRow>(
    `SELECT version, step, review, editing, pending_choices, region_to_confirm, kind, subject, lang, started_at, updated_at,
       coalesce((SELECT jsonb_object_agg(field, value) FROM form_answers a WHERE a.user_id = f.user_id), '{}') AS answers
     FROM forms f WHERE user_id = $1`,
    [userId],
  );
  return rows[0] && fromRow(rows[0]);
}

export async function saveForm(pool: pg.Pool, userId: string, progress: FormProgress, expectedVersion: number): Promise<FormSaved> {
  const p = formProgressSchema.parse(admit('form', progress));
  const values = [userId, p.step, p.review, p.editing, p.pendingChoices ?? null, p.regionToConfirm ?? null, p.lang, p.startedAt, p.updatedAt, p.kind ?? null, p.subject ?? null];
  const version = await inTransaction(pool, async (client) => {
    // The row lock taken here makes a concurrent save with the same expected version wait, then find it changed.
    const { rows } =
      expectedVersion === NO_FORM
        ? await client.query<{ version: string }>(
            `INSERT INTO forms (user_id, step, review, editing, pending_choices, region_to_confirm, lang, started_at, updated_at, kind, subject)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (user_id) DO NOTHING RETURNING version`,
            values,
          )
        : await client.query<{ version: string }>(
            `UPDATE forms SET version = nextval('form_versions'), step = $2, review = $3, editing = $4, pending_choices = $5,
               region_to_confirm = $6, lang = $7, started_at = $8, updated_at = $9, kind = $10, subject = $11
             WHERE user_id = $1 AND version = $12 RETURNING version`,
            [...values, expectedVersion],
          );
    if (!rows[0]) return undefined;
    await putAnswers(client, userId, p.answers);
    return Number(rows[0].version);
  });
  return version === undefined ? { saved: false, current: await form(pool, userId) } : { saved: true, version };
}

/** Writes a form as it is, whatever version it had (a new one): for copying a store, not for the bot. */
export async function putForm(db: Queryable, userId: string, progress: FormProgress): Promise<void> {
  const p = formProgressSchema.parse(admit('form', progress));
  await db.query(
    `INSERT INTO forms (user_id, step, review, editing, pending_choices, region_to_confirm, lang, started_at, updated_at, kind, subject)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (user_id) DO UPDATE SET version = nextval('form_versions'), step = EXCLUDED.step, review = EXCLUDED.review,
       editing = EXCLUDED.editing, pending_choices = EXCLUDED.pending_choices, region_to_confirm = EXCLUDED.region_to_confirm,
       lang = EXCLUDED.lang, started_at = EXCLUDED.started_at, updated_at = EXCLUDED.updated_at, kind = EXCLUDED.kind, subject = EXCLUDED.subject`,
    [userId, p.step, p.review, p.editing, p.pendingChoices ?? null, p.regionToConfirm ?? null, p.lang, p.startedAt, p.updatedAt, p.kind ?? null, p.subject ?? null],
  );
  await putAnswers(db, userId, p.answers);
}

async function putAnswers(db: Queryable, userId: string, answers: Record<string, string>): Promise<void> {
  await db.query('DELETE FROM form_answers WHERE user_id = $1', [userId]);
  const entries = Object.entries(answers);
  if (entries.length === 0) return;
  await db.query('INSERT INTO form_answers (user_id, field, value) SELECT $1, * FROM unnest($2::text[], $3::text[])', [userId, entries.map(([k]) => k), entries.map(([, v]) => v)]);
}

export async function dropForm(db: Queryable, userId: string): Promise<void> {
  await db.query('DELETE FROM forms WHERE user_id = $1', [userId]);
}

export async function dropFormsIdleSince(db: Queryable, before: string): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM forms WHERE updated_at < $1', [before]);
  return rowCount ?? 0;
}
