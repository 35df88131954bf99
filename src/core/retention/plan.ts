// When personal data goes: the consent notice promises erasure a set number of days after the event's last day
// (CKEX_RETENTION_DAYS), and forms left half-filled expire long before that.
import { DateTime } from 'luxon';
import type { BotCore } from '../bot-core.js';

/** A form untouched for this long is abandoned: its answers are dropped. */
export const FORM_EXPIRY_DAYS = 30;

export interface RetentionPlan {
  /** The instant personal data is erased: the end of the last day plus the retention days, in the event's zone. */
  purgeAt: DateTime;
  due: boolean;
  /** Forms last touched before this instant are abandoned. */
  formsIdleSince: DateTime;
}

export function retentionPlan(core: BotCore, now: DateTime = core.clock.now()): RetentionPlan {
  const lastDay = DateTime.fromISO(core.agenda.lastDay, { zone: core.agenda.zone });
  const purgeAt = lastDay.plus({ days: 1 + core.retentionDays }).startOf('day');
  return { purgeAt, due: now >= purgeAt, formsIdleSince: now.minus({ days: FORM_EXPIRY_DAYS }) };
}
