// Days, as people write them: today/tomorrow/yesterday, a weekday (this, next or last), a date in any of the
// forms people use (12 May, May 12, le 12 mai, ١٢ مايو, 12 أيار, 2021-05-12, 12/5), the nth day of the event; a
// weekday in a question put in the past is the one gone by.
// A numeric date is read day/month; when that falls outside the event and month/day inside it (5/12), the
// reader does not guess: it returns both dates and the bot asks.
import { DateTime } from 'luxon';
import type { Token } from './types.js';
import type { DayAsked, Part } from '../core/reading.js';
import { digitsOf, meaning, neighbours, ordinalOf, significant } from './tokens.js';

export interface EventCalendar {
  /** The year a date without one is in, and the month a bare "12th" is in. */
  year: number;
  month: number;
  /** Every event day, ISO dates in order. */
  days: readonly string[];
}

export interface DaysFound {
  day?: DayAsked;
  dateChoices?: [string, string];
  /** "day 3", "le troisième jour": the nth day of the event (or of the week asked). */
  eventDay?: number | 'last';
  part?: Part;
}

const iso = (year: number, month: number, day: number): string | undefined => {
  const dt = DateTime.fromObject({ year, month, day }, { zone: 'utc' });
  return dt.isValid ? dt.toISODate()! : undefined;
};

const fullYear = (y: string | undefined, fallback: number): number => (y === undefined ? fallback : y.length === 2 ? 2000 + Number(y) : Number(y));

/** 2021-05-12, 12/5, 12.05.2021: one date, or two when day/month and month/day both make sense. */
function numericDate(text: string, calendar: EventCalendar): { date?: string; choices?: [string, string] } | undefined {
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (isoMatch) {
    const date = iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return date ? { date } : undefined;
  }
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text);
  if (!m) return undefined;
  const year = fullYear(m[3], calendar.year);
  const dayMonth = iso(year, Number(m[2]), Number(m[1]));
  const monthDay = iso(year, Number(m[1]), Number(m[2]));
  const inEvent = (d: string | undefined) => d !== undefined && d >= calendar.days[0]! && d <= calendar.days[calendar.days.length - 1]!;
  if (dayMonth && monthDay && dayMonth !== monthDay && !inEvent(dayMonth) && inEvent(monthDay)) return { choices: [monthDay, dayMonth] };
  const date = dayMonth ?? monthDay;
  return date ? { date } : undefined;
}

/** The weekday `day` (1 = Monday) this week if still ahead, next week's with "next", the last one with "last". */
function weekdayDate(today: DateTime, day: number, which: 'this' | 'next' | 'last' | undefined): string {
  const monday = today.startOf('week');
  let target = monday.plus({ days: day - 1 });
  const todayIso = today.toISODate()!;
  if (which === 'next') target = target.plus({ weeks: 1 });
  else if (which === 'last') target = target.toISODate()! >= todayIso ? target.minus({ weeks: 1 }) : target;
  else if (target.toISODate()! < todayIso) target = target.plus({ weeks: 1 });
  return target.toISODate()!;
}

export function findDays(tokens: Token[], today: DateTime, calendar: EventCalendar, suffixes: readonly string[], articles: ReadonlySet<string>): DaysFound {
  const found: DaysFound = {};
  const sig = significant(tokens);
  const use = (...ts: (Token | undefined)[]) => ts.forEach((t) => t && (t.used = true));

  // Dates written with digits only.
  for (const i of sig) {
    const read = numericDate(tokens[i]!.text, calendar);
    if (!read) continue;
    use(tokens[i]);
    if (read.choices) return { ...found, dateChoices: read.choices };
    return { ...found, day: { date: read.date!, explicit: true } };
  }

  // A day and a month side by side, in either order, with a year after if given.
  for (const [k, i] of sig.entries()) {
    const month = meaning(tokens[i], 'month');
    if (!month) continue;
    const { before, after } = neighbours(tokens, sig, k);
    const dayToken = digitsOf(before, suffixes) ? before : digitsOf(after, suffixes) ? after : undefined;
    const day = digitsOf(dayToken, suffixes);
    if (!dayToken || !day) continue;
    // "مايو/أيار": a second name of the same month is the same month.
    const yearToken = neighbours(tokens, sig, dayToken === after ? k + 1 : k).after;
    const sameMonth = meaning(after, 'month')?.month === month.month ? after : undefined;
    const year = /^\d{4}$/.test(yearToken?.text ?? '') ? Number(yearToken!.text) : calendar.year;
    const date = iso(year, month.month, day.value);
    if (!date) continue;
    use(tokens[i], dayToken, sameMonth, year !== calendar.year ? yearToken : undefined);
    return { ...found, day: { date, explicit: true } };
  }

  // « le 12 », «يوم 12»: a day of the event's month, after a word that says so.
  for (const [j, token] of tokens.entries()) {
    const digits = digitsOf(token, suffixes);
    const before = tokens[j - 1];
    if (!digits || digits.ordinal || !before || !articles.has(before.text)) continue;
    const date = iso(calendar.year, calendar.month, digits.value);
    if (!date) continue;
    use(token, before);
    return { ...found, day: { date, explicit: true } };
  }

  // The nth day of the event: "day 3", "le troisième jour", "اليوم الثالث", "the last day".
  for (const [k, i] of sig.entries()) {
    const token = tokens[i]!;
    const isDayWord = meaning(token, 'dayWord') !== undefined || meaning(token, 'relativeDay')?.offset === 0;
    if (!isDayWord) continue;
    const { before, after } = neighbours(tokens, sig, k);
    const candidates: [number | undefined, Token | undefined][] = [
      [ordinalOf(after, suffixes), after],
      [ordinalOf(before, suffixes), before],
      [meaning(token, 'dayWord') ? digitsOf(after, suffixes)?.value : undefined, after],
    ];
    const [n, nToken] = candidates.find(([value]) => value !== undefined) ?? [undefined, undefined];
    // "the final day", « le dernier jour », "last day": never yesterday.
    const isFinal = (t: Token | undefined) => meaning(t, 'final') !== undefined || meaning(t, 'modifier')?.which === 'last';
    const finalToken = isFinal(before) ? before : isFinal(after) ? after : undefined;
    if (n === undefined && !finalToken) continue;
    use(token, n !== undefined ? nToken : finalToken);
    found.eventDay = n ?? 'last';
    break;
  }

  for (const i of sig) {
    const part = meaning(tokens[i], 'part');
    if (part) {
      use(tokens[i]);
      found.part = part.part;
      break;
    }
  }
  if (found.eventDay !== undefined) return found;

  for (const i of sig) {
    const relative = meaning(tokens[i], 'relativeDay');
    if (!relative) continue;
    use(tokens[i]);
    return { ...found, day: { date: today.plus({ days: relative.offset }).toISODate()!, explicit: false } };
  }

  // "the 12th", "le 12e": a day of the event's month (before a weekday: "Monday the 17th").
  for (const i of sig) {
    const digits = digitsOf(tokens[i], suffixes);
    if (!digits?.ordinal) continue;
    const date = iso(calendar.year, calendar.month, digits.value);
    if (!date) continue;
    use(tokens[i]);
    return { ...found, day: { date, explicit: true } };
  }
  for (const [k, i] of sig.entries()) {
    const weekday = meaning(tokens[i], 'weekday');
    if (!weekday) continue;
    const { before, after } = neighbours(tokens, sig, k);
    const modifierToken = meaning(before, 'modifier') ? before : meaning(after, 'modifier') ? after : undefined;
    // "I missed Monday", « j'ai raté lundi », «ماذا كان يوم الاثنين»: the Monday gone by, not the next one.
    // « mercredi 19 », "Monday 24": the weekday and its day of the event's month.
    const dayToken = [after, before].find((t) => digitsOf(t, suffixes) !== undefined);
    const dated = dayToken ? iso(calendar.year, calendar.month, digitsOf(dayToken, suffixes)!.value) : undefined;
    if (dated) {
      use(tokens[i], dayToken, modifierToken);
      return { ...found, day: { date: dated, explicit: true, weekday: weekday.day } };
    }
    const past = modifierToken ? undefined : tokens.find((t) => meaning(t, 'past'));
    const which = meaning(modifierToken, 'modifier')?.which ?? (past ? 'last' : undefined);
    use(tokens[i], modifierToken, past);
    return { ...found, day: { date: weekdayDate(today, weekday.day, which), explicit: false, weekday: weekday.day, ...(which === undefined ? { bare: true as const } : {}) } };
  }

  return found;
}
