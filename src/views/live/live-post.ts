// The live post a subscribed channel gets CKEX_LIVE_MINUTES before a session: the session, its Join button inside
// the join window, how to ask (the button, or the command in the channel's own words), and the top questions.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { questionWindow, visibleTo } from '../../core/live/index.js';
import type { Block, Button, Reply } from '../../core/reply.js';
import type { LiveQuestion } from '../../core/store/live-records.js';
import { joinLinkFor } from '../links.js';
import { sessionTimes } from '../times.js';
import { shownTitle } from '../untranslated.js';
import { questionBlock } from './question-lines.js';

/** Questions a live post shows: the top of the list; `questions` has the rest. */
export const LIVE_POST_TOP = 5;

export function livePostReply(ctx: CommandContext, timed: TimedSession, all: readonly LiveQuestion[], askWord: string): Reply {
  const id = timed.session.id;
  const open = questionWindow(timed, ctx.now, ctx.core.live.minutes) === 'open';
  const shown = visibleTo(all, undefined, false);
  const top = open ? shown.filter((q) => q.status === 'open').slice(0, LIVE_POST_TOP) : shown.filter((q) => q.status === 'answered').slice(0, LIVE_POST_TOP);
  const buttons: Button[] = [];
  const join = joinLinkFor(timed.session, timed.start, timed.end, ctx.now, ctx.core.joinLinkMinutes);
  if (open && join?.state === 'open') buttons.push({ label: ctx.t('buttons.join'), url: join.url });
  if (open) buttons.push({ label: ctx.t('live.askButton'), command: `ask ${id}`, style: 'primary' });
  buttons.push({ label: ctx.t('live.seeQuestions'), command: `questions ${id}` });
  const blocks: Block[] = [
    { type: 'header', text: ctx.t('live.postHeader', { title: shownTitle(ctx, timed.session) }) },
    { type: 'text', text: sessionTimes(ctx, timed) },
    { type: 'context', text: [open ? ctx.t('live.howToAsk', { example: `${askWord} ${id}` }) : ctx.t('live.ended')] },
    ...(top.length > 0 ? [{ type: 'text' as const, text: [ctx.t(open ? 'live.topQuestions' : 'live.answeredQuestions')] }, ...top.map((q) => questionBlock(ctx, q, open))] : []),
    { type: 'actions', buttons },
  ];
  return { lang: ctx.lang, shareable: true, blocks };
}
