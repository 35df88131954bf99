// When a subscription's digest is due, for which day, and until when a late one is still worth posting.
import { DateTime } from 'luxon';
import type { Agenda } from './agenda.js';
import type { Subscription } from './store/records.js';

export type DigestKind = 'day' | 'announce';

/** The weekday before the event opens where the channel is: the day its announcement goes out. */
export function announceDay(agenda: Agenda, zone = agenda.zone): string {
  let day = DateTime.fromISO(agenda.firstDayIn(zone)).minus({ days: 1 });
  while (day.weekday > 5) day = day.minus({ days: 1 });
  return day.toISODate()!;
}

/**
 * Days with sessions where the channel is get the day's digest (in Auckland, Saturday has Washington's Friday
 * sessions), the weekday before the event its announcement; other days nothing.
 */
export function digestKind(agenda: Agenda, date: string, zone = agenda.zone): DigestKind | undefined {
  if (agenda.status(date, zone) === 'event-day') return 'day';
  return date === announceDay(agenda, zone) ? 'announce' : undefined;
}

export const dueAt = (sub: Pick<Subscription, 'time' | 'zone'>, date: string): DateTime => DateTime.fromISO(`${date}T${sub.time}`, { zone: sub.zone });

/** A digest missed while the bot was down is still posted until the day's sessions have ended. */
export function deadline(agenda: Agenda, sub: Pick<Subscription, 'zone'>, date: string, kind: DigestKind): DateTime {
  const sessions = agenda.on(date, sub.zone);
  const last = sessions[sessions.length - 1];
  if (kind === 'day' && last) return last.end;
  return DateTime.fromISO(date, { zone: sub.zone }).endOf('day');
}

export interface Due {
  date: string;
  kind: DigestKind;
}

/** What this subscription should post now, if anything. */
export function dueNow(agenda: Agenda, sub: Subscription, now: DateTime): Due | undefined {
  if (sub.paused) return undefined;
  const date = now.setZone(sub.zone).toISODate()!;
  if (sub.lastPosted !== undefined && sub.lastPosted >= date) return undefined;
  const kind = digestKind(agenda, date, sub.zone);
  if (!kind) return undefined;
  if (now < dueAt(sub, date) || now >= deadline(agenda, sub, date, kind)) return undefined;
  return { date, kind };
}

/** The next time this subscription will post, if the event is not over. */
export function nextPost(agenda: Agenda, sub: Subscription, now: DateTime): DateTime | undefined {
  let day = now.setZone(sub.zone).startOf('day');
  for (let i = 0; i < 60; i++, day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    const kind = digestKind(agenda, date, sub.zone);
    if (!kind || (sub.lastPosted !== undefined && sub.lastPosted >= date)) continue;
    const at = dueAt(sub, date);
    if (now < deadline(agenda, sub, date, kind)) return at < now ? now : at;
  }
  return undefined;
}
