// Channels that receive the daily digest.
import { admit } from '../record-limits.js';
import { subscriptionSchema, type Subscription } from '../../core/store/records.js';
import { iso, type Queryable } from './db.js';

interface SubscriptionRow {
  id: string;
  platform: string;
  channel: string;
  lang: string;
  time: string;
  zone: string;
  created_by: string;
  created_at: Date;
  last_posted: string | null;
  paused_at: Date | null;
  paused_reason: string | null;
  channel_name: string | null;
}

const COLUMNS = 'id, platform, channel, lang, time, zone, created_by, created_at, last_posted, paused_at, paused_reason, channel_name';

function fromRow(row: SubscriptionRow): Subscription {
  return subscriptionSchema.parse({
    id: row.id,
    platform: row.platform,
    channel: row.channel,
    lang: row.lang,
    time: row.time,
    zone: row.zone,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    ...(row.last_posted !== null ? { lastPosted: row.last_posted } : {}),
    ...(row.paused_at !== null ? { paused: { at: iso(row.paused_at), reason: row.paused_reason } } : {}),
    ...(row.channel_name !== null ? { channelName: row.channel_name } : {}),
  });
}

export async function subscriptions(db: Queryable): Promise<Subscription[]> {
  const { rows } = await db.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions ORDER BY id`);
  return rows.map(fromRow);
}

export async function subscription(db: Queryable, id: string): Promise<Subscription | undefined> {
  const { rows } = await db.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE id = $1`, [id]);
  return rows[0] && fromRow(rows[0]);
}

export async function saveSubscription(db: Queryable, subscription: Subscription): Promise<void> {
  const s = subscriptionSchema.parse(admit('subscription', subscription));
  await db.query(
    `INSERT INTO subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET ${COLUMNS.split(', ')
       .slice(1)
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(', ')}`,
    [s.id, s.platform, s.channel, s.lang, s.time, s.zone, s.createdBy, s.createdAt, s.lastPosted ?? null, s.paused?.at ?? null, s.paused?.reason ?? null, s.channelName ?? null],
  );
}

export async function dropSubscription(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM subscriptions WHERE id = $1', [id]);
}
