// When a session takes questions, said to the reader: from when, until when, or that it is over.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { opensAt, questionWindow } from '../../core/live/index.js';
import { formatTime } from '../../core/i18n/format.js';
import { dayName, localDate } from '../times.js';

export function windowNote(ctx: CommandContext, timed: TimedSession): string {
  const state = questionWindow(timed, ctx.now, ctx.core.live.minutes);
  const opens = opensAt(timed, ctx.core.live.minutes).setZone(ctx.zone);
  if (state === 'before') return ctx.t('live.opensAt', { day: dayName(ctx, localDate(ctx, timed)), time: formatTime(opens) });
  if (state === 'open') return ctx.t('live.openUntil', { time: formatTime(timed.end.setZone(ctx.zone)) });
  return ctx.t('live.closed');
}
