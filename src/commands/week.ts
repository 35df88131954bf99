// week [n]: a thematic week, its theme and every session day by day.
import { DateTime } from 'luxon';
import { capitalise, formatDaySpan } from '../core/i18n/format.js';
import type { Block, Button, Reply } from '../core/reply.js';
import { optionalInt } from './args.js';
import { defineCommand } from './types.js';
import type { CommandContext } from '../core/context.js';
import { agendaNotes } from '../views/notes.js';
import { sessionBlocks } from '../views/session-lines.js';
import { dayName, localDate } from '../views/times.js';

function weekReply(ctx: CommandContext, number: number): Reply {
  const { agenda } = ctx.core;
  const week = agenda.week(number)!;
  const sessions = agenda.sessionsOfWeek(number);
  const blocks: Block[] = [
    { type: 'header', text: ctx.t('week.header', { number, title: week.title[ctx.lang] }) },
    { type: 'text', text: [week.summary[ctx.lang]] },
    { type: 'context', text: [ctx.t('week.dates', formatDaySpan(DateTime.fromISO(week.start), DateTime.fromISO(week.end), ctx.lang))] },
  ];
  // Day by day where the reader is: in Auckland, Friday's sessions fall on Saturday.
  const days = new Map<string, typeof sessions>();
  for (const timed of sessions) days.set(localDate(ctx, timed), [...(days.get(localDate(ctx, timed)) ?? []), timed]);
  if (sessions.length === 0) blocks.push({ type: 'divider' }, { type: 'text', text: [ctx.t('week.noSessions')] });
  for (const [date, list] of days) blocks.push({ type: 'divider' }, { type: 'text', text: [capitalise(dayName(ctx, date), ctx.lang)] }, ...sessionBlocks(ctx, list));
  blocks.push(...agendaNotes(ctx, sessions[0]?.start));
  const buttons: Button[] = [];
  if (agenda.week(number - 1)) buttons.push({ label: ctx.t('buttons.week', { number: number - 1 }), command: `week ${number - 1}` });
  if (agenda.week(number + 1)) buttons.push({ label: ctx.t('buttons.week', { number: number + 1 }), command: `week ${number + 1}` });
  buttons.push({ label: ctx.t('buttons.resources'), command: `resources` }, { label: ctx.t('buttons.today'), command: 'today' });
  blocks.push({ type: 'actions', buttons });
  return { lang: ctx.lang, blocks, shareable: true, shows: { sessions: sessions.map((s) => s.session.id), week: number } };
}

export const week = defineCommand({
  name: 'week',
  aliases: { en: ['week'], fr: ['semaine', 'sem'], ar: ['الأسبوع', 'الاسبوع', 'اسبوع', 'أسبوع'] },
  args: (core) => optionalInt(1, core.content.event.weeks.length),
  run: (ctx, number: number | undefined) => weekReply(ctx, number ?? ctx.core.agenda.currentWeek(ctx.now.setZone(ctx.zone).toISODate()!, ctx.zone).number),
});
