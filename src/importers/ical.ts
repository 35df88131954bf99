// iCalendar files (RFC 5545): each VEVENT a session; its UID keeps the session's id across imports (ical.js).
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { isValidZone } from '../core/clock.js';
import type { SessionLinks } from '../core/content/schema.js';
import { expandZones, zoneProblems } from './ical-zones.js';
import { isHttps, showable, type LeftOutLink } from './links.js';
import { linesOf, type ReadOptions, type ReadResult, type RowProblem, type SourceSession } from './types.js';

type Component = InstanceType<typeof ICAL.Component>;

/** DTSTART/DTEND as an instant: UTC ("…Z"), a named zone (TZID=Europe/Paris), or floating (the event's zone). */
function instantOf(vevent: Component, name: 'dtstart' | 'dtend', zone: string): DateTime | undefined {
  const prop = vevent.getFirstProperty(name);
  const value = prop?.getFirstValue() as InstanceType<typeof ICAL.Time> | undefined;
  if (!prop || !value || value.isDate) return undefined;
  const parts = { year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute, second: value.second };
  const tzid = prop.getParameter('tzid');
  const tz = typeof tzid === 'string' ? tzid.replace(/^\//, '') : undefined;
  if (value.zone === ICAL.Timezone.utcTimezone) return DateTime.fromObject(parts, { zone: 'utc' });
  if (tz && isValidZone(tz)) return DateTime.fromObject(parts, { zone: tz });
  if (tz) return DateTime.fromJSDate(value.toJSDate()).isValid ? DateTime.fromJSDate(value.toJSDate()) : undefined;
  return DateTime.fromObject(parts, { zone });
}

/**
 * The address to join the session: the first RFC 7986 CONFERENCE that is an https:// address (a tel: or sip:
 * one is not a link to open), else the meeting address Teams (X-MICROSOFT-SKYPETEAMSMEETINGURL) or Google
 * (X-GOOGLE-CONFERENCE) write. Nothing is read out of the DESCRIPTION.
 */
function joinOf(vevent: Component): string | undefined {
  const conferences = vevent.getAllProperties('conference').map((p) => String(p.getFirstValue() ?? '').trim());
  const vendor = ['x-microsoft-skypeteamsmeetingurl', 'x-google-conference'].map((name) => String(vevent.getFirstPropertyValue(name) ?? '').trim());
  return [...conferences, ...vendor].find(isHttps);
}

/** URL is the session's page, the join address as joinOf finds it; one the bot cannot show is left out. */
function linksOf(vevent: Component, line: number): { links: SessionLinks; leftOut: LeftOutLink[] } {
  const url = (vevent.getFirstPropertyValue('url') as string | null)?.trim();
  return showable({ page: url, join: joinOf(vevent) }, line);
}

function eventOf(vevent: Component, line: number, zone: string): SourceSession | RowProblem {
  // Never expanded: the bot's sessions happen once each, and the first of a series alone would be silently wrong.
  const repeats = vevent.getFirstProperty('rrule') ?? vevent.getFirstProperty('rdate');
  if (repeats) return { line, problem: `the VEVENT repeats (${repeats.toICALString()})`, fix: 'give each session its own VEVENT with its own UID, or remove the RRULE or RDATE to keep the first alone' };
  // No exceptions to relate (they are skipped): else each event scans every other one, quadratic in a large file.
  const event = new ICAL.Event(vevent, { exceptions: [] });
  const start = instantOf(vevent, 'dtstart', zone);
  if (!start?.isValid) return { line, problem: 'the VEVENT has no start time (or is an all-day event)', fix: 'give DTSTART a date and a time, such as DTSTART;TZID=America/New_York:20210504T090000' };
  const end = instantOf(vevent, 'dtend', zone) ?? (event.duration ? start.plus({ seconds: event.duration.toSeconds() }) : undefined);
  if (!end?.isValid || end <= start) return { line, problem: 'the VEVENT has no end after its start', fix: 'give it a DTEND later than DTSTART, or a DURATION' };
  const summary = vevent.getFirstProperty('summary');
  const title = (summary?.getFirstValue() as string | undefined)?.trim();
  if (!title) return { line, problem: 'the VEVENT has no SUMMARY', fix: 'give it a SUMMARY (the session title)' };
  const language = (summary?.getParameter('language') as string | undefined)?.toLowerCase().slice(0, 2);
  const local = start.setZone(zone);
  const localEnd = end.setZone(zone);
  const speakers = vevent.getAllProperties('attendee').map((a) => (a.getParameter('cn') as string | undefined)?.trim()).filter((n): n is string => !!n);
  const categories = vevent.getAllProperties('categories').flatMap((c) => c.getValues() as string[]);
  const { links, leftOut } = linksOf(vevent, line);
  const lang = language ?? 'en';
  return {
    line,
    ...(event.uid ? { key: `uid:${event.uid}` } : {}),
    date: local.toISODate()!,
    start: local.toFormat('HH:mm'),
    end: localEnd.hasSame(local, 'day') ? localEnd.toFormat('HH:mm') : '24:00',
    title: { [lang]: title },
    description: event.description?.trim() ? { [lang]: event.description.trim() } : {},
    speakers: speakers.map((name) => ({ en: name, fr: name, ar: name })),
    ...(language ? { language } : {}),
    ...(categories[0] ? { track: categories.join(', ') } : {}),
    links,
    ...(leftOut.length > 0 ? { leftOut } : {}),
  };
}

export function readIcal(text: string, { zone }: ReadOptions): ReadResult {
  const result: ReadResult = { format: 'iCalendar', sessions: [], problems: [] };
  let calendar: Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    result.problems.push({ line: 0, problem: `not an iCalendar file (${(err as Error).message})`, fix: 'export the calendar again as .ics' });
    return result;
  }
  const zones = zoneProblems(calendar, text);
  if (zones.length > 0) return { ...result, problems: zones };
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  expandZones(calendar);
  const lines = linesOf(text, /^BEGIN:VEVENT/m);
  calendar.getAllSubcomponents('vevent').forEach((vevent, i) => {
    if (vevent.getFirstPropertyValue('recurrence-id')) return; // an exception to a recurring event: the bot's sessions do not recur
    const read = eventOf(vevent, lines[i] ?? 0, zone);
    if ('problem' in read) result.problems.push(read);
    else result.sessions.push(read);
  });
  return result;
}
