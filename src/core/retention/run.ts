// Applies the retention plan: drops abandoned forms, and once the promised day has come erases every person's data.
// Run at start-up and by the scheduler; running it twice does nothing more.
import type { BotCore } from '../bot-core.js';
import { log } from '../log.js';
import { retentionPlan } from './plan.js';

export interface RetentionResult {
  formsDropped: number;
  purged: boolean;
}

export async function applyRetention(core: BotCore): Promise<RetentionResult> {
  const plan = retentionPlan(core);
  const formsDropped = await core.store.dropFormsIdleSince(plan.formsIdleSince.toUTC().toISO()!);
  if (formsDropped > 0) log.info({ forms: formsDropped }, 'abandoned registration forms dropped');
  if (!plan.due) return { formsDropped, purged: false };
  const before = await core.store.personalDataCounts();
  if (Object.values(before).every((n) => n === 0)) return { formsDropped, purged: false };
  const counts = await core.store.purgePersonalData();
  log.info({ ...counts, purgeAt: plan.purgeAt.toISO() }, 'retention: personal data erased as the consent notice promises');
  return { formsDropped, purged: true };
}
