// One line per session, shared by the day, week and now views, and the button that opens a session.
import type { TimedSession } from '../core/agenda.js';
import type { Block, Button, RichText } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { sessionTimes } from './times.js';
import { shownTitle } from './untranslated.js';

export function sessionLine(ctx: CommandContext, timed: TimedSession): RichText {
  const { session } = timed;
  const topic = session.topic ? ctx.core.content.event.specialTopics.find((t) => t.id === session.topic) : undefined;
  const topicText = topic ? ` ${ctx.t('phrasing.topicTag', { topic: ctx.t('common.specialTopic', { number: topic.number }) })}` : '';
  return [...sessionTimes(ctx, timed), `  ${shownTitle(ctx, session)}${topicText}  (${session.id})`];
}

export function sessionBlocks(ctx: CommandContext, sessions: TimedSession[]): Block[] {
  return sessions.map((timed) => ({ type: 'text', text: sessionLine(ctx, timed), accessory: starButton(ctx, timed) }));
}

/**
 * Beside each session: star it, or, where the reply is the reader's own and they starred it, unstar it. A reply
 * many people read (a channel, a digest) always offers the star: each presser's answer comes to them alone.
 */
export function starButton(ctx: CommandContext, timed: TimedSession): Button {
  const id = timed.session.id;
  return !ctx.shared && ctx.starred?.has(id) ? { label: ctx.t('buttons.starred'), command: `unstar ${id}` } : { label: ctx.t('buttons.star'), command: `star ${id}` };
}

const BUTTON_TITLE = 28;
/** A whole title (or one without its parenthesis) this long still fits a button of its own on a phone. */
const WHOLE_TITLE = 34;

/** Opening marks left without their closing one (« « chaînon… » would leave the quotation open). */
const unbalanced = (text: string): boolean => [['«', '»'], ['“', '”'], ['(', ')']].some(([open, close]) => text.split(open!).length > text.split(close!).length);

/**
 * A title short enough for a button that is never cut on a phone: the part before the title's colon or question
 * mark when that is short ("Opening", "Who is left out?"), the whole title, or the title without its closing
 * parenthesis; else the first words, ended with an ellipsis and never inside a quotation or parenthesis.
 */
export function shortTitle(title: string, max = BUTTON_TITLE): string {
  const head = /^(.+?)(?:\s?:|(?<=\?))(?:\s|$)/u.exec(title)?.[1]?.trim();
  if (head && head.length >= 6 && head.length <= max && !unbalanced(head)) return head.replace(/\s+\?$/u, '\u00a0?');
  if (title.length <= Math.max(max, WHOLE_TITLE)) return title;
  const bare = title.replace(/\s*\([^()]*\)$/u, '');
  if (bare.length <= Math.max(max, WHOLE_TITLE)) return bare;
  let cut = title.slice(0, max).replace(/\s+\S*$/u, '');
  // Back to before an opening mark the cut leaves open.
  while (unbalanced(cut)) cut = cut.slice(0, Math.max(cut.lastIndexOf('«'), cut.lastIndexOf('“'), cut.lastIndexOf('(')));
  return `${cut.replace(/[\s,:;–\-«“(]+$/u, '')}…`;
}

/** The button that opens a session, labelled by its title (ids mean nothing to a reader). */
export const sessionButton = (ctx: CommandContext, timed: TimedSession): Button => ({ label: shortTitle(timed.session.title[ctx.lang]), command: `session ${timed.session.id}` });
