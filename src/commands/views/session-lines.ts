// One line per session, shared by the day, week and now views.
import type { TimedSession } from '../../core/agenda.js';
import type { Block, RichText } from '../../core/reply.js';
import type { CommandContext } from '../types.js';
import { sessionTimes } from './times.js';

export function sessionLine(ctx: CommandContext, timed: TimedSession): RichText {
  const { session } = timed;
  const topic = session.topic ? ctx.core.content.event.specialTopics.find((t) => t.id === session.topic) : undefined;
  const topicText = topic ? ` [${ctx.t('common.specialTopic', { number: topic.number })}]` : '';
  return [...sessionTimes(ctx, timed), `  ${session.title[ctx.lang]}${topicText}  (${session.id})`];
}

export function sessionBlocks(ctx: CommandContext, sessions: TimedSession[]): Block[] {
  return sessions.map((timed) => ({ type: 'text', text: sessionLine(ctx, timed) }));
}
