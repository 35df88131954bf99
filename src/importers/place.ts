// Where a source session belongs: its week by date, its special topic by track, its texts in three languages.
import { DateTime } from 'luxon';
import type { EventInfo, Localized, Session, TopicId } from '../core/content/schema.js';
import { LANGS, type Lang } from '../core/lang.js';
import placeholders from './placeholders.json' with { type: 'json' };
import { hasLinks, orderedLinks } from './links.js';
import type { RowProblem, SourceSession } from './types.js';

/** A session ready for an id: everything but `id` and `sequence`. */
export type PlacedSession = Omit<Session, 'id' | 'sequence'> & { line: number };

export const normalise = (s: string): string =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** The special topic a track names: its id ("gbv"), its number ("Special topic 3", "3") or its title in any language. */
export function topicOf(track: string, event: EventInfo): TopicId | undefined {
  const t = normalise(track);
  const number = /^(?:special topic |topic |theme special |sujet special |)(\d)$/.exec(t)?.[1];
  return event.specialTopics.find((topic) => topic.id === t || String(topic.number) === number || LANGS.some((l) => normalise(topic.title[l]) === t || t.includes(normalise(topic.title[l]))))?.id;
}

/** Fills the languages a source did not give with the original's text, and says which those are. */
function fill(texts: Partial<Record<Lang, string>>, original: Lang): { text: Localized; missing: Lang[] } {
  const missing = LANGS.filter((l) => !texts[l]);
  const fallback = texts[original] ?? LANGS.map((l) => texts[l]).find(Boolean)!;
  return { text: Object.fromEntries(LANGS.map((l) => [l, texts[l] ?? fallback])) as Localized, missing };
}

export function place(s: SourceSession, event: EventInfo): PlacedSession | RowProblem {
  const bad = (problem: string, fix: string): RowProblem => ({ line: s.line, problem, fix });
  const title = Object.values(s.title).find(Boolean);
  const named = title ? `"${title}"` : 'this session';
  if (s.end === '24:00') return bad(`${named} ends after midnight in ${event.timeZone}`, 'split it or shorten it so it ends the same day');
  if (s.start >= s.end) return bad(`${named} ends (${s.end}) before it starts (${s.start})`, 'fix the end time');
  // Moved by --shift-to: both dates named, and the fix is another shift or the file.
  const on = s.shiftedFrom ? `${s.date} (${s.shiftedFrom} before --shift-to)` : s.date;
  const orShift = s.shiftedFrom ? ', or choose another --shift-to' : '';
  if (DateTime.fromISO(s.date, { zone: event.timeZone }).weekday > 5) return bad(`${named} is on ${on}, a weekend`, `move it to a weekday of the event${orShift}`);
  const week = event.weeks.find((w) => w.start <= s.date && s.date <= w.end);
  if (!week) return bad(`${named} is on ${on}, outside the event's weeks (${event.weeks[0]!.start} to ${event.weeks.at(-1)!.end})`, `move it to a date inside the event${orShift}`);
  if (s.week !== undefined && s.week !== week.number) return bad(`${named} says week ${s.week} but ${s.date} is in week ${week.number}`, 'fix the date or the week');
  let topic: TopicId | undefined;
  if (s.track) {
    topic = topicOf(s.track, event);
    if (!topic && week.number === event.weeks.at(-1)!.number && /topic|th[eè]me|sujet|محور|موضوع/i.test(s.track)) {
      return bad(`the topic "${s.track}" is not one of the special topics`, `use one of ${event.specialTopics.map((t) => t.id).join(', ')} or a topic's title`);
    }
  }
  const language = LANGS.find((l) => l === s.language);
  const original: Lang = language && s.title[language] ? language : ([event.workingLanguage, ...LANGS].find((l) => s.title[l]) ?? 'en');
  const t = fill(s.title, original);
  const hasDescription = Object.values(s.description).some(Boolean);
  const d = hasDescription ? fill(s.description, original) : { text: placeholders.noDescription, missing: [] as Lang[] };
  // A talk in a language the bot does not speak (German) stands in for all three, marked in each.
  const foreign = s.language && !LANGS.some((l) => l === s.language) && /^[a-z]{2,3}$/.test(s.language) ? s.language : undefined;
  // Each marker goes on the text that is not translated: a French title with no French description marks the description.
  const untranslated = foreign ? [...LANGS] : t.missing;
  const untranslatedDescription = foreign && hasDescription ? [...LANGS] : d.missing;
  return {
    line: s.line,
    date: s.date,
    start: s.start,
    end: s.end,
    week: week.number,
    ...(topic ? { topic } : {}),
    title: t.text,
    description: d.text,
    speakers: s.speakers.length > 0 ? s.speakers.map((p) => fill(p, original).text) : [placeholders.noSpeakers],
    source: s.key ?? keyOf(s.date, s.start, t.text[original]),
    ...(untranslated.length > 0 || untranslatedDescription.length > 0 ? { originalLanguage: original } : {}),
    ...(untranslated.length > 0 ? { untranslated } : {}),
    ...(untranslatedDescription.length > 0 ? { untranslatedDescription } : {}),
    ...(foreign ? { sourceLanguage: foreign } : {}),
    ...(hasLinks(s.links) ? { links: orderedLinks(s.links) } : {}),
  };
}

/** The key of a session whose source has none: its date, start and normalised title. */
export const keyOf = (date: string, start: string, title: string): string => `${date} ${start} ${normalise(title)}`;
