// The frab/pretalx schedule XML: <schedule><day date><room name><event guid>…</event></room></day></schedule>.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isValidZone } from '../core/clock.js';
import { declaredDay, frabSession, isProblem, type FrabEvent } from './frab-event.js';
import { linesOf, type ReadOptions, type ReadResult } from './types.js';

type Node = Record<string, unknown>;

const ARRAYS = new Set(['schedule.day', 'schedule.day.room', 'schedule.day.room.event', 'schedule.day.room.event.persons.person', 'schedule.day.room.event.links.link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  jPath: true,
  isArray: (_name, path) => ARRAYS.has(String(path)),
});

const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' ? ((v as Node)['#text'] as string | undefined) : undefined);

function eventOf(e: Node): FrabEvent {
  // An empty <links></links> reads as "", and "".link is String.prototype.link: look inside elements only.
  const child = (v: unknown, name: string): unknown[] => (v && typeof v === 'object' && Array.isArray((v as Node)[name]) ? ((v as Node)[name] as unknown[]) : []);
  const persons = child(e.persons, 'person');
  const links = child(e.links, 'link') as Node[];
  return {
    guid: e['@guid'],
    date: textOf(e.date),
    start: textOf(e.start),
    duration: textOf(e.duration),
    title: textOf(e.title),
    abstract: textOf(e.abstract),
    description: textOf(e.description),
    track: textOf(e.track),
    language: textOf(e.language),
    url: textOf(e.url),
    persons: persons.map(textOf),
    links: links.map((l) => ({ url: l['@href'], title: textOf(l) })),
  };
}

export function readFrabXml(text: string, { zone }: ReadOptions): ReadResult {
  const result: ReadResult = { format: 'frab/pretalx schedule XML', sessions: [], problems: [] };
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    result.problems.push({ line: valid.err.line, problem: `not well-formed XML (${valid.err.msg})`, fix: 'export the schedule again, or fix the XML' });
    return result;
  }
  const schedule = (parser.parse(text) as Node).schedule as Node | undefined;
  const days = schedule?.day as Node[] | undefined;
  const named = textOf((schedule?.conference as Node | undefined)?.time_zone_name);
  const sourceZone = named && isValidZone(named) ? named : zone;
  if (!days) {
    result.problems.push({ line: 0, problem: 'no <schedule><day> elements in this XML', fix: 'use the schedule export (schedule.xml) of pretalx or frab' });
    return result;
  }
  const firstDay = declaredDay(textOf((schedule?.conference as Node | undefined)?.start)) ?? declaredDay(days[0]?.['@date']);
  if (firstDay) result.firstDay = firstDay;
  const lines = linesOf(text, /<event[\s>]/);
  let n = 0;
  for (const day of days) {
    for (const room of (day.room as Node[] | undefined) ?? []) {
      for (const event of (room.event as Node[] | undefined) ?? []) {
        const read = frabSession(eventOf(event), lines[n++] ?? 0, day['@date'] as string | undefined, zone, sourceZone);
        if (isProblem(read)) result.problems.push(read);
        else result.sessions.push(read);
      }
    }
  }
  return result;
}
