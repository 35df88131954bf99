// The agenda of one day: the week and its theme, each session with local times, and a way to the days around it.
import type { Block, Button, Reply } from '../../core/reply.js';
import type { CommandContext } from '../types.js';
import { sessionBlocks } from './session-lines.js';
import { dayName, zoneNote } from './times.js';

/** Why a day has no sessions, and which event day to show instead. */
function outsideNote(ctx: CommandContext, date: string): { note: string; shown: string } {
  const { agenda } = ctx.core;
  const status = agenda.status(date);
  const shown = agenda.nearestDay(date);
  const args = { day: dayName(ctx, date), next: dayName(ctx, shown), first: dayName(ctx, agenda.firstDay), last: dayName(ctx, agenda.lastDay) };
  return { note: ctx.t(`day.${status}`, args), shown };
}

export function dayReply(ctx: CommandContext, date: string): Reply {
  const { agenda } = ctx.core;
  const blocks: Block[] = [];
  let shown = date;
  if (agenda.status(date) !== 'event-day') {
    const outside = outsideNote(ctx, date);
    blocks.push({ type: 'text', text: [outside.note] });
    shown = outside.shown;
  }
  const week = agenda.weekOf(shown)!;
  const sessions = agenda.on(shown);
  blocks.push(
    { type: 'header', text: ctx.t('day.header', { day: dayName(ctx, shown), week: week.number }) },
    { type: 'text', text: [ctx.t('common.weekTheme', { number: week.number, title: week.title[ctx.lang] })] },
  );
  if (sessions.length === 0) blocks.push({ type: 'text', text: [ctx.t('day.noSessions')] });
  blocks.push(...sessionBlocks(ctx, sessions));
  if (sessions[0]) blocks.push({ type: 'context', text: [zoneNote(ctx, sessions[0].start)] });
  blocks.push({ type: 'actions', buttons: dayButtons(ctx, shown, week.number) });
  return { lang: ctx.lang, blocks, shareable: true };
}

function dayButtons(ctx: CommandContext, date: string, week: number): Button[] {
  const { agenda } = ctx.core;
  const buttons: Button[] = [];
  const prev = agenda.step(date, -1);
  const next = agenda.step(date, 1);
  if (prev) buttons.push({ label: ctx.t('buttons.previousDay'), command: `agenda ${prev}` });
  if (next) buttons.push({ label: ctx.t('buttons.nextDay'), command: `agenda ${next}` });
  buttons.push({ label: ctx.t('buttons.week', { number: week }), command: `week ${week}` });
  for (const timed of agenda.on(date)) buttons.push({ label: timed.session.id, command: `session ${timed.session.id}` });
  return buttons;
}
