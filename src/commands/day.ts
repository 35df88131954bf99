// today, tomorrow, agenda [date]: one day of the event.
import { none, optionalDate } from './args.js';
import { defineCommand } from './types.js';
import { dayReply } from '../views/day.js';

const localDate = (ctx: { now: import('luxon').DateTime; zone: string }, plusDays = 0): string =>
  ctx.now.setZone(ctx.zone).plus({ days: plusDays }).toISODate()!;

export const today = defineCommand({
  name: 'today',
  aliases: { en: ['today'], fr: ["aujourd'hui", 'aujourdhui', 'auj'], ar: ['اليوم'] },
  args: () => none,
  run: (ctx) => dayReply(ctx, localDate(ctx)),
});

export const tomorrow = defineCommand({
  name: 'tomorrow',
  aliases: { en: ['tomorrow'], fr: ['demain'], ar: ['غدًا', 'غدا', 'غداً', 'بكرة'] },
  args: () => none,
  run: (ctx) => dayReply(ctx, localDate(ctx, 1)),
});

export const agendaCommand = defineCommand({
  name: 'agenda',
  aliases: { en: ['agenda', 'day', 'date'], fr: ['programme', 'jour'], ar: ['البرنامج', 'جدول', 'يوم'] },
  args: (core) => optionalDate(Number(core.content.event.start.slice(0, 4))),
  run: (ctx, date: string | undefined) => dayReply(ctx, date ?? localDate(ctx)),
});
