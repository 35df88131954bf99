// One question as a line: its id, its votes, its language when not the reader's, its status, its text, and a 👍
// button that votes (pressed again, it takes the vote back). Never its author: anonymous or not, lists name nobody.
import type { CommandContext } from '../../core/context.js';
import type { Block } from '../../core/reply.js';
import type { LiveQuestion } from '../../core/store/live-records.js';

export function questionText(ctx: Pick<CommandContext, 't' | 'lang'>, q: LiveQuestion): string {
  const tags = [q.id, ctx.t('live.votes', { count: q.votes })];
  if (q.lang !== ctx.lang) tags.push(ctx.t(`live.writtenIn.${q.lang}`));
  if (q.status !== 'open') tags.push(ctx.t(`live.status.${q.status}`));
  return `${tags.join(' · ')}\n${q.text}`;
}

export function questionBlock(ctx: Pick<CommandContext, 't' | 'lang'>, q: LiveQuestion, vote: boolean): Block {
  return { type: 'text', text: [questionText(ctx, q)], ...(vote ? { accessory: { label: ctx.t('live.voteButton', { count: q.votes }), command: `vote ${q.id}` } } : {}) };
}
