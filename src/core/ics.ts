// Calendar files for one session or the whole agenda: stable UIDs, SEQUENCE from the content so edits update calendars;
// while the agenda is the sample, the calendar and every event in it say so (a calendar outlives the chat).
import ical from 'ical-generator';
import type { DateTime } from 'luxon';
import type { TimedSession } from './agenda.js';
import type { EventInfo, Lang } from './content/schema.js';

export const sessionUid = (event: EventInfo, sessionId: string): string => `${sessionId}@${event.id}.ckex-bot`;

export function calendarFor(event: EventInfo, sessions: TimedSession[], lang: Lang, stamp: DateTime, extra: (s: TimedSession) => string, sampleNote?: string): string {
  const calendar = ical({ name: event.name[lang], ...(sampleNote ? { description: sampleNote } : {}), prodId: { company: 'World Bank SPJ', product: 'CKEx bot', language: lang.toUpperCase() } });
  for (const timed of sessions) {
    const { session } = timed;
    calendar.createEvent({
      id: sessionUid(event, session.id),
      sequence: session.sequence,
      start: timed.start.toUTC().toJSDate(),
      end: timed.end.toUTC().toJSDate(),
      stamp: stamp.toUTC().toJSDate(),
      summary: `${event.shortName}: ${session.title[lang]}`,
      description: [session.description[lang], extra(timed), sampleNote].filter(Boolean).join('\n\n'),
    });
  }
  return calendar.toString();
}
