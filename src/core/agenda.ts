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

export type DayStatus = 'event-day' | 'weekend' | 'before' | 'after';

export class Agenda {
  readonly zone: string;
  private readonly byDate = new Map<string, TimedSession[]>();
  private readonly byId = new Map<string, TimedSession>();
  readonly days: string[]; // every weekday of the event, ISO dates, in order

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

  on(date: string): TimedSession[] {
    return this.byDate.get(date) ?? [];
  }

  status(date: string): DayStatus {
    if (date < this.firstDay) return 'before';
    if (date > this.lastDay) return 'after';
    return this.days.includes(date) ? 'event-day' : 'weekend';
  }

  /** The event day a user who asked about `date` most likely wants: the next one, or the last one after the event. */
  nearestDay(date: string): string {
    return this.days.find((d) => d >= date) ?? this.lastDay;
  }

  /** The event day after (step 1) or before (step -1) `date`, if any. */
  step(date: string, step: 1 | -1): string | undefined {
    return step === 1 ? this.days.find((d) => d > date) : [...this.days].reverse().find((d) => d < date);
  }

  weekOf(date: string): Week | undefined {
    return this.content.event.weeks.find((w) => w.start <= date && date <= w.end);
  }

  week(number: number): Week | undefined {
    return this.content.event.weeks.find((w) => w.number === number);
  }

  /** The week running on `date`, or the one coming next, or the last one after the event. */
  currentWeek(date: string): Week {
    return this.weekOf(date) ?? this.weekOf(this.nearestDay(date))!;
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
