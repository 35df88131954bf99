// Calendar files for one session or the whole agenda: stable UIDs, SEQUENCE from the content so edits update calendars;
// while the agenda is the sample, the calendar and every event in it say so (a calendar outlives the chat).
import ical, { ICalAlarmType } from 'ical-generator';
import type { DateTime } from 'luxon';
import type { TimedSession } from './agenda.js';
import type { EventInfo } from './content/schema.js';
import type { Lang } from './lang.js';

export const sessionUid = (event: EventInfo, sessionId: string): string => `${sessionId}@${event.id}.ckex-bot`;

export interface CalendarOptions {
  /** The calendar's own name (a personal feed: "CKEx 2021: my agenda"). */
  name?: string;
  /** An alarm this many minutes before each session (a personal feed); none when absent or 0. */
  alarmMinutes?: number;
  /** The title as readers see it (with the untranslated marker); the title in `lang` when absent. */
  titleOf?: (session: TimedSession['session']) => string;
  /** The description as readers see it (with its own untranslated marker); the description in `lang` when absent. */
  descriptionOf?: (session: TimedSession['session']) => string;
}

export function calendarFor(event: EventInfo, sessions: TimedSession[], lang: Lang, stamp: DateTime, extra: (s: TimedSession) => string, sampleNote?: string, options: CalendarOptions = {}): string {
  const calendar = ical({ name: options.name ?? event.name[lang], ...(sampleNote ? { description: sampleNote } : {}), prodId: { company: 'World Bank SPJ', product: 'CKEx bot', language: lang.toUpperCase() } });
  for (const timed of sessions) {
    const { session } = timed;
    const created = calendar.createEvent({
      id: sessionUid(event, session.id),
      sequence: session.sequence,
      start: timed.start.toUTC().toJSDate(),
      end: timed.end.toUTC().toJSDate(),
      stamp: stamp.toUTC().toJSDate(),
      summary: `${event.shortName}: ${options.titleOf?.(session) ?? session.title[lang]}`,
      description: [options.descriptionOf?.(session) ?? session.description[lang], extra(timed), sampleNote].filter(Boolean).join('\n\n'),
      // The session's page; the join link is not written here: it shows in chat only shortly before the start.
      ...(session.links?.page ? { url: session.links.page } : {}),
    });
    if (options.alarmMinutes) created.createAlarm({ type: ICalAlarmType.display, triggerBefore: options.alarmMinutes * 60, description: options.titleOf?.(session) ?? session.title[lang] });
  }
  return calendar.toString();
}
