// Questions about the calendar of the event: which week a day is in, what runs on it, the nearest event day.
import { DateTime, Interval } from 'luxon';
import type { Content } from './content/load.js';
import type { EventInfo, Session } from './content/schema.js';

export type Week = EventInfo['weeks'][number];

export interface TimedSession {
  session: Session;
  start: DateTime; // in the event's zone
  end: DateTime;
}

/** 'between': a weekday in the event with no session where the reader is (Monday in Auckland: Washington's Sunday evening). */
export type DayStatus = 'event-day' | 'weekend' | 'between' | 'before' | 'after';

/** The event's days as lived in one zone: the local dates on which sessions start, and the sessions of each. */
interface LocalDays {
  days: string[];
  byDate: Map<string, TimedSession[]>;
}

export class Agenda {
  readonly zone: string;
  private readonly byDate = new Map<string, TimedSession[]>();
  private readonly byId = new Map<string, TimedSession>();
  readonly days: string[]; // every weekday of the event, ISO dates, in order
  private readonly local = new Map<string, LocalDays>();

  constructor(readonly content: Content) {
    this.zone = content.event.timeZone;
    for (const session of content.agenda.sessions) {
      const timed = {
        session,
        start: DateTime.fromISO(`${session.date}T${session.start}`, { zone: this.zone }),
        end: DateTime.fromISO(`${session.date}T${session.end}`, { zone: this.zone }),
      };
      this.byId.set(session.id, timed);
      const list = this.byDate.get(session.date) ?? [];
      list.push(timed);
      this.byDate.set(session.date, list);
    }
    for (const list of this.byDate.values()) list.sort((a, b) => a.start.toMillis() - b.start.toMillis());
    this.days = this.weekdaysOfEvent();
  }

  private weekdaysOfEvent(): string[] {
    const days: string[] = [];
    for (const week of this.content.event.weeks) {
      const interval = Interval.fromDateTimes(DateTime.fromISO(week.start), DateTime.fromISO(week.end).plus({ days: 1 }));
      for (const day of interval.splitBy({ days: 1 })) {
        if (day.start && day.start.weekday <= 5) days.push(day.start.toISODate()!);
      }
    }
    return [...new Set(days)].sort();
  }

  /** The days in `zone`: far from Washington a session's local date is not the event's (Auckland is a day ahead). */
  private daysIn(zone: string): LocalDays {
    if (zone === this.zone) return { days: this.days, byDate: this.byDate };
    let local = this.local.get(zone);
    if (!local) {
      const byDate = new Map<string, TimedSession[]>();
      for (const timed of this.all()) {
        const date = timed.start.setZone(zone).toISODate()!;
        byDate.set(date, [...(byDate.get(date) ?? []), timed]);
      }
      const days = [...new Set([...byDate.keys(), ...this.days.filter((d) => !this.byDate.has(d))])].sort();
      local = { days, byDate };
      if (this.local.size > 500) this.local.clear();
      this.local.set(zone, local);
    }
    return local;
  }

  firstDayIn(zone: string): string {
    return this.daysIn(zone).days[0]!;
  }

  lastDayIn(zone: string): string {
    const { days } = this.daysIn(zone);
    return days[days.length - 1]!;
  }

  get firstDay(): string {
    return this.days[0]!;
  }

  get lastDay(): string {
    return this.days[this.days.length - 1]!;
  }

  session(id: string): TimedSession | undefined {
    return this.byId.get(id.toLowerCase());
  }

  sessionIds(): string[] {
    return [...this.byId.keys()];
  }

  all(): TimedSession[] {
    return this.days.flatMap((d) => this.on(d));
  }

  /** The sessions starting on `date` in `zone` (the event's zone unless told). */
  on(date: string, zone = this.zone): TimedSession[] {
    return this.daysIn(zone).byDate.get(date) ?? [];
  }

  status(date: string, zone = this.zone): DayStatus {
    const { days } = this.daysIn(zone);
    if (date < days[0]!) return 'before';
    if (date > days[days.length - 1]!) return 'after';
    if (days.includes(date)) return 'event-day';
    return DateTime.fromISO(date).weekday >= 6 ? 'weekend' : 'between';
  }

  /** The event day a user who asked about `date` most likely wants: the next one, or the last one after the event. */
  nearestDay(date: string, zone = this.zone): string {
    const { days } = this.daysIn(zone);
    return days.find((d) => d >= date) ?? days[days.length - 1]!;
  }

  /** The event day after (step 1) or before (step -1) `date`, if any. */
  step(date: string, step: 1 | -1, zone = this.zone): string | undefined {
    const { days } = this.daysIn(zone);
    return step === 1 ? days.find((d) => d > date) : [...days].reverse().find((d) => d < date);
  }

  /** The week of a day; in another zone, the week of the day's first session (Saturday in Auckland is Friday's). */
  weekOf(date: string, zone = this.zone): Week | undefined {
    const first = zone === this.zone ? undefined : this.on(date, zone)[0];
    const eventDate = first?.session.date ?? date;
    return this.content.event.weeks.find((w) => w.start <= eventDate && eventDate <= w.end);
  }

  week(number: number): Week | undefined {
    return this.content.event.weeks.find((w) => w.number === number);
  }

  /** The week running on `date`, or the one coming next, or the last one after the event. */
  currentWeek(date: string, zone = this.zone): Week {
    return this.weekOf(date, zone) ?? this.weekOf(this.nearestDay(date, zone), zone) ?? this.weekOf(this.nearestDay(date))!;
  }

  sessionsOfWeek(number: number): TimedSession[] {
    return this.all().filter((t) => t.session.week === number);
  }

  /** Sessions running at `now`, and the next one to start. */
  nowAndNext(now: DateTime): { running: TimedSession[]; next: TimedSession | undefined } {
    const all = this.all();
    const ms = now.toMillis();
    return {
      running: all.filter((t) => t.start.toMillis() <= ms && ms < t.end.toMillis()),
      next: all.find((t) => t.start.toMillis() > ms),
    };
  }
}
