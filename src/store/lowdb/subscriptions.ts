// Channels that receive the daily digest, by id.
import { admit } from '../record-limits.js';
import { subscriptionSchema, type Subscription } from '../../core/store/records.js';
import type { StoreDb } from './file.js';

export const subscriptions = (db: StoreDb): Subscription[] => Object.values(db.data.subscriptions).sort((a, b) => a.id.localeCompare(b.id));

export const subscription = (db: StoreDb, id: string): Subscription | undefined => db.data.subscriptions[id];

export async function saveSubscription(db: StoreDb, subscription: Subscription): Promise<void> {
  const s = admit('subscription', subscriptionSchema.parse(subscription));
  await db.change((u) => u.set(db.data.subscriptions, s.id, s));
}

export async function dropSubscription(db: StoreDb, id: string): Promise<void> {
  if (!(id in db.data.subscriptions)) return;
  await db.change((u) => u.remove(db.data.subscriptions, id));
}
