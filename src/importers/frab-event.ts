// One frab/pretalx schedule event (the JSON object, or the XML element read into the same shape) as a session.
import { DateTime, Duration } from 'luxon';
import type { SessionLinks } from '../core/content/schema.js';
import { LANGS, type Lang } from '../core/lang.js';
import { kindOfTitle, orderedLinks, showable, type LeftOutLink } from './links.js';
import type { RowProblem, SourceSession } from './types.js';

/** The fields of a frab event the bot uses (voc/schedule validator/json/schema.json). */
export interface FrabEvent {
  guid?: unknown;
  date?: unknown;
  start?: unknown;
  duration?: unknown;
  title?: unknown;
  abstract?: unknown;
  description?: unknown;
  persons?: unknown;
  track?: unknown;
  language?: unknown;
  url?: unknown;
  links?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

/** A frab text is a string in the event's language; pretalx may give {"en": …, "fr": …}. */
function texts(v: unknown, language: string | undefined): Partial<Record<Lang, string>> {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    return Object.fromEntries(LANGS.flatMap((l) => (text((v as Record<string, unknown>)[l]) ? [[l, text((v as Record<string, unknown>)[l])!]] : [])));
  }
  const t = text(v);
  if (!t) return {};
  return { [LANGS.includes(language as Lang) ? (language as Lang) : 'en']: t };
}

function personName(p: unknown): string | undefined {
  if (typeof p === 'string') return text(p);
  if (p && typeof p === 'object') {
    const o = p as Record<string, unknown>;
    return text(o.public_name) ?? text(o.full_public_name) ?? text(o.name);
  }
  return undefined;
}

/**
 * `url` is the session's page; each of `links[]` is materials or a recording by its title ("Slides",
 * "Recording"), the first the bot can show of each kind; a link of no recognisable kind is not a session link.
 */
function linksOf(e: FrabEvent, line: number): { links: SessionLinks; leftOut: LeftOutLink[] } {
  const found = showable({ page: text(e.url) }, line);
  for (const l of Array.isArray(e.links) ? e.links : []) {
    const o = l && typeof l === 'object' ? (l as Record<string, unknown>) : undefined;
    const address = o ? text(o.url) : undefined;
    const kind = kindOfTitle(o ? text(o.title) : undefined);
    if (!address || !kind || found.links[kind]) continue;
    const one = showable({ [kind]: address }, line);
    found.leftOut.push(...one.leftOut);
    if (one.links[kind]) found.links[kind] = one.links[kind];
  }
  return { links: orderedLinks(found.links), leftOut: found.leftOut };
}

/** "01:30", "1:30", "01:30:00" → minutes. */
function minutesOf(duration: string): number | undefined {
  const m = /^(\d{1,2}):([0-5]\d)(?::[0-5]\d)?$/.exec(duration);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/**
 * `zone` is the event's; `sourceZone` the schedule's own (conference.time_zone_name), in which a date written
 * without an offset, or a day's date and a start, are read.
 */
export function frabSession(e: FrabEvent, line: number, dayDate: string | undefined, zone: string, sourceZone = zone): SourceSession | RowProblem {
  const title = text(e.title);
  if (!title && !(e.title && typeof e.title === 'object')) return { line, problem: 'the event has no title', fix: 'give it a title' };
  const dateText = text(e.date);
  let start: DateTime | undefined;
  if (dateText && dateText.length > 10) {
    start = DateTime.fromISO(dateText, { zone: sourceZone, setZone: true });
  } else if ((dateText ?? dayDate) && text(e.start)) {
    start = DateTime.fromISO(`${dateText ?? dayDate}T${text(e.start)}`, { zone: sourceZone });
  }
  if (!start?.isValid) {
    return { line, problem: `the event has no readable start (date "${dateText ?? ''}", start "${text(e.start) ?? ''}")`, fix: 'give "date" as an ISO 8601 date-time such as 2021-05-04T09:00:00-04:00' };
  }
  const { links, leftOut } = linksOf(e, line);
  const minutes = minutesOf(text(e.duration) ?? '');
  if (minutes === undefined || minutes <= 0) {
    return { line, problem: `the duration "${text(e.duration) ?? ''}" is not a length of time`, fix: 'give "duration" as HH:MM, such as 01:30' };
  }
  const local = start.setZone(zone);
  const end = local.plus(Duration.fromObject({ minutes }));
  const language = text(e.language)?.toLowerCase().slice(0, 2);
  const persons = Array.isArray(e.persons) ? e.persons.map(personName).filter((n): n is string => !!n) : [];
  const guid = text(e.guid);
  const track = text(e.track) ?? text((e.track as Record<string, unknown> | undefined)?.name);
  return {
    line,
    ...(guid ? { key: `guid:${guid}` } : {}),
    date: local.toISODate()!,
    start: local.toFormat('HH:mm'),
    end: end.hasSame(local, 'day') ? end.toFormat('HH:mm') : '24:00',
    title: texts(e.title, language),
    description: texts(text(e.abstract) || (e.abstract && typeof e.abstract === 'object') ? e.abstract : e.description, language),
    speakers: persons.map((name) => ({ en: name, fr: name, ar: name })),
    ...(language ? { language } : {}),
    ...(track ? { track } : {}),
    links,
    ...(leftOut.length > 0 ? { leftOut } : {}),
  };
}

/** The date a schedule's conference `start` (or a day's `date`) declares: "2020-12-27", or the date of "2024-12-27T09:30:00+00:00". */
export function declaredDay(v: unknown): string | undefined {
  const day = typeof v === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(v.trim())?.[1] : undefined;
  return day && DateTime.fromISO(day).isValid ? day : undefined;
}

export const isProblem = (x: SourceSession | RowProblem): x is RowProblem => 'problem' in x;
