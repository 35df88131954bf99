// Whether the event is over: from the start of the day after its last day, in the event's zone. Registration and
// invitations close then, since what they would keep serves no event (and retention would erase it).
import { DateTime } from 'luxon';
import type { BotCore } from './bot-core.js';

/** The instant the event is over: the end of its last day, in its zone. */
export function eventEndsAt(core: Pick<BotCore, 'agenda'>): DateTime {
  return DateTime.fromISO(core.agenda.lastDay, { zone: core.agenda.zone }).plus({ days: 1 }).startOf('day');
}

export function eventOver(core: Pick<BotCore, 'agenda' | 'clock'>, now: DateTime = core.clock.now()): boolean {
  return now >= eventEndsAt(core);
}

/** A CKEX_NOW that shows the event as it ran: its first day at 10:00 in its zone, as a UTC instant. */
export function tryAt(core: Pick<BotCore, 'agenda'>): string {
  return DateTime.fromISO(`${core.agenda.firstDay}T10:00`, { zone: core.agenda.zone }).toUTC().toISO({ suppressMilliseconds: true })!;
}
