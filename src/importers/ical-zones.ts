// The time zones a calendar file defines (VTIMEZONE, as Outlook writes them), checked before ical.js expands them:
// it lists every change of offset from the rule's DTSTART (often 1601) to five years after the latest time it
// converts, so a rule repeating each second, or a few thousand rules, would run for hours. A time zone changes
// once or twice a year: rules finer than monthly, or more changes than any real zone has, are refused.
import ICAL from 'ical.js';
import { linesOf, type RowProblem } from './types.js';

type Component = InstanceType<typeof ICAL.Component>;
type Recur = InstanceType<typeof ICAL.Recur>;

/** All the offset changes a file's zones may give up to the last year ical.js would expand to (a yearly rule from 1601: about 430). */
export const MAX_ZONE_CHANGES = 20_000;
const ZONE_FREQS = new Set(['YEARLY', 'MONTHLY']);
const TIME_OF_DAY = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
const FIX = 'a time zone changes once or twice a year (RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU); export the calendar again, or give the events an IANA TZID such as America/New_York and remove this VTIMEZONE';

/**
 * The year ical.js expands a zone to: five years after the latest of now and every event's times. Read from the
 * raw values, since reading a time through ical.js before the zones are registered would fix it as floating.
 */
function horizonYear(calendar: Component): number {
  let latest = new Date().getUTCFullYear();
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    for (const name of ['dtstart', 'dtend']) {
      const raw = vevent.getFirstProperty(name)?.jCal[3];
      const year = typeof raw === 'string' ? Number(raw.slice(0, 4)) : NaN;
      if (Number.isInteger(year) && year > latest) latest = year;
    }
  }
  return latest + ICAL.Timezone.EXTRA_COVERAGE;
}

/** Why this rule is refused, if it is: a frequency finer than monthly, or a time of day that repeats. */
function ruleProblem(recur: Recur): string | undefined {
  if (!ZONE_FREQS.has(recur.freq)) return `repeats ${String(recur.freq)} (RRULE:${recur.toString()})`;
  const timed = TIME_OF_DAY.filter((part) => recur.getComponent(part).length > 0);
  if (timed.length > 0) return `repeats within a day (${timed.join(', ')} in RRULE:${recur.toString()})`;
  return undefined;
}

/**
 * Every problem of the file's VTIMEZONEs, each on its line; none means ical.js may expand them. `budget` is what
 * is left of MAX_ZONE_CHANGES, counted as ical.js would list the changes.
 */
export function zoneProblems(calendar: Component, text: string): RowProblem[] {
  const lines = linesOf(text, /^BEGIN:VTIMEZONE/m);
  const horizon = horizonYear(calendar);
  const problems: RowProblem[] = [];
  let budget = MAX_ZONE_CHANGES;
  calendar.getAllSubcomponents('vtimezone').forEach((zone, i) => {
    const line = lines[i] ?? 0;
    const tzid = zone.getFirstPropertyValue('tzid');
    if (typeof tzid !== 'string' || !tzid.trim()) {
      problems.push({ line, problem: 'the VTIMEZONE has no TZID', fix: 'give it a TZID, or remove it' });
      return;
    }
    const refuse = (problem: string) => problems.push({ line, problem: `the time zone "${tzid}" ${problem}`, fix: FIX });
    for (const change of zone.getAllSubcomponents()) {
      const recurs = change.getAllProperties('rrule').map((p) => p.getFirstValue() as Recur);
      const wrong = recurs.map(ruleProblem).find(Boolean);
      if (wrong) return refuse(wrong);
      const dtstart = change.getFirstPropertyValue('dtstart') as InstanceType<typeof ICAL.Time> | null;
      if (!dtstart || !change.hasProperty('tzoffsetto') || !change.hasProperty('tzoffsetfrom')) continue; // ical.js skips it too
      budget -= Math.max(1, change.getAllProperties('rdate').length);
      try {
        // ical.js follows the first RRULE of each STANDARD or DAYLIGHT: count its changes the same way, up to the budget.
        const iterator = recurs[0]?.iterator(dtstart);
        for (let occ = iterator?.next(); occ && occ.year <= horizon && budget >= 0; occ = iterator!.next()) budget--;
      } catch (err) {
        return refuse(`has a rule that cannot be followed (${(err as Error).message})`);
      }
      if (budget < 0) return refuse(`changes more than ${MAX_ZONE_CHANGES.toLocaleString('en-US')} times by ${horizon}, with the file's other zones`);
    }
  });
  return problems;
}

/**
 * Expands each zone once, to the horizon: ical.js expands a zone again, from the start, each time it converts a
 * time later than it had covered, so events in years far apart would repeat the work.
 */
export function expandZones(calendar: Component): void {
  const horizon = horizonYear(calendar) - ICAL.Timezone.EXTRA_COVERAGE;
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    const tz = ICAL.TimezoneService.get(String(zone.getFirstPropertyValue('tzid')));
    tz?.utcOffset(ICAL.Time.fromData({ year: horizon, month: 12, day: 31, hour: 23, minute: 59, second: 59 }));
  }
}
