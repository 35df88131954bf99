// The organisers' report: for a session, its responses, average, the distribution as bars and the comments in
// their own language, tagged; for a week or the event, the same over all of them and each session compared.
// Never who gave what: the answers are counted and quoted without their authors.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { summarise, type FeedbackSummary } from '../../core/feedback/index.js';
import type { Bar, Block, Reply } from '../../core/reply.js';
import type { Feedback } from '../../core/store/feedback-record.js';
import { decimal, leftToRight, ownDirection, percent, ratingLabel, writtenIn } from './labels.js';

/** Comments quoted per heading at most: the CSV export has them all. */
export const MAX_QUOTED = 20;

function bars(ctx: CommandContext, s: FeedbackSummary): Bar[] {
  const most = Math.max(1, ...s.distribution);
  // Highest rating first, as people read a rating chart.
  return [5, 4, 3, 2, 1].map((r) => {
    const count = s.distribution[r - 1]!;
    return { label: ratingLabel(ctx, r), share: count / most, value: leftToRight(ctx.t('feedback.report.bar', { count, percent: percent(ctx.lang, s.responses ? count / s.responses : 0) })) };
  });
}

function summaryBlocks(ctx: CommandContext, answers: readonly Feedback[]): Block[] {
  const s = summarise(answers);
  if (s.responses === 0) return [{ type: 'text', text: [ctx.t('feedback.report.none')] }];
  return [
    { type: 'fields', fields: [{ label: ctx.t('feedback.report.responses', { count: s.responses }), value: [ctx.t('feedback.report.average', { average: decimal(ctx.lang, s.average!) })] }] },
    { type: 'context', text: [ctx.t('feedback.report.ratings')] },
    { type: 'bars', bars: bars(ctx, s) },
  ];
}

function commentBlocks(ctx: CommandContext, answers: readonly Feedback[]): Block[] {
  const blocks: Block[] = [];
  for (const which of ['useful', 'better'] as const) {
    const comments = answers.flatMap((f) => (f[which] ? [f[which]] : []));
    if (comments.length === 0) continue;
    const lines = comments.slice(0, MAX_QUOTED).map((c) => `• ${ctx.t('feedback.report.comment', { text: ownDirection(c.text), language: writtenIn(ctx, c.lang) })}`);
    blocks.push({ type: 'section', title: ctx.t(`feedback.report.${which}`), text: [lines.join('\n')] });
  }
  return blocks;
}

export function sessionReport(ctx: CommandContext, timed: TimedSession, answers: readonly Feedback[]): Reply {
  return {
    lang: ctx.lang,
    personal: true,
    blocks: [{ type: 'header', text: ctx.t('feedback.report.header', { title: timed.session.title[ctx.lang] }) }, ...summaryBlocks(ctx, answers), ...commentBlocks(ctx, answers), { type: 'context', text: [ctx.t('feedback.report.anonymous')] }],
  };
}

/** A week's or the event's: everything together, then each session's average and responses, best first. */
export function groupReport(ctx: CommandContext, header: string, sessions: readonly TimedSession[], answers: readonly Feedback[]): Reply {
  const rows = sessions.map((t) => ({ t, s: summarise(answers.filter((f) => f.sessionId === t.session.id)) }));
  rows.sort((a, b) => (b.s.average ?? -1) - (a.s.average ?? -1) || b.s.responses - a.s.responses);
  const lines = rows.map(({ t, s }) => {
    const title = t.session.title[ctx.lang];
    return s.responses === 0 ? ctx.t('feedback.report.noAnswers', { title }) : ctx.t('feedback.report.compareLine', { title, average: decimal(ctx.lang, s.average!), responses: ctx.t('feedback.report.responses', { count: s.responses }) });
  });
  const compared: Block[] = rows.length > 0 ? [{ type: 'section', title: ctx.t('feedback.report.compared'), text: [lines.join('\n')] }] : [];
  return {
    lang: ctx.lang,
    personal: true,
    blocks: [{ type: 'header', text: header }, ...summaryBlocks(ctx, answers), ...compared, ...commentBlocks(ctx, answers), { type: 'context', text: [ctx.t('feedback.report.anonymous')] }],
  };
}
