// Feedback asked in people's own words: "I want to give feedback on the disability session", « donner mon avis sur
// la séance », «أريد تقييم الجلسة». The session named opens its form; none or several named: the sessions that
// take feedback now (the latest first, the ones found first), each with its button.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { feedbackWindow } from '../../core/feedback/index.js';
import type { Block, Reply } from '../../core/reply.js';
import { sessionLine } from '../../views/session-lines.js';
import { shortTitle } from '../../views/session-lines.js';

/** Sessions offered at most when the message names none. */
const OFFERED = 5;

export async function feedbackAsked(ctx: CommandContext, target: { id?: string; choices?: TimedSession[] } | undefined, run: (ctx: CommandContext, text: string) => Promise<Reply>): Promise<Reply> {
  if (target?.id) return run(ctx, `feedback ${target.id}`);
  const open = (t: TimedSession) => feedbackWindow(t, ctx.now) === 'open';
  const recent = ctx.core.agenda
    .all()
    .filter(open)
    .sort((a, b) => b.start.toMillis() - a.start.toMillis());
  const choices = [...(target?.choices ?? []).filter(open), ...recent].filter((t, i, all) => all.findIndex((x) => x.session.id === t.session.id) === i).slice(0, OFFERED);
  if (choices.length === 0) return { lang: ctx.lang, personal: true, blocks: [{ type: 'text', text: [ctx.t('feedback.which')] }] };
  const lines: Block[] = choices.map((t) => ({ type: 'text', text: sessionLine(ctx, t), accessory: { label: shortTitle(ctx.t('feedback.giveButton')), command: `feedback ${t.session.id}` } }));
  return { lang: ctx.lang, personal: true, blocks: [{ type: 'text', text: [ctx.t('feedback.whichOpen')] }, ...lines] };
}
