// feedback report [session id|week N] and feedback export, for organisers: counted and quoted without authors.
import type { CommandContext } from '../../core/context.js';
import { feedbackCsv } from '../../core/feedback/index.js';
import { westernDigits } from '../../core/i18n/normalize.js';
import type { Reply } from '../../core/reply.js';
import { groupReport, sessionReport } from '../../views/feedback/index.js';
import { feedbackWord, SESSION_WORD } from './words.js';

const say = (ctx: CommandContext, text: string): Reply => ({ lang: ctx.lang, personal: true, blocks: [{ type: 'text', text: [text] }] });

export async function feedbackReport(ctx: CommandContext, rest: string[]): Promise<Reply> {
  const { agenda, store } = ctx.core;
  const [first = '', second = ''] = rest;
  if (rest.length === 0) {
    const sessions = agenda.all().filter((t) => t.start <= ctx.now);
    return groupReport(ctx, ctx.t('feedback.report.eventHeader'), sessions, await store.allFeedback());
  }
  if (rest.length === 1 && SESSION_WORD.test(first)) {
    const timed = agenda.session(first.toLowerCase());
    if (!timed) return say(ctx, ctx.t('feedback.unknown', { given: first }));
    return sessionReport(ctx, timed, await store.feedbackOn([timed.session.id]));
  }
  const n = Number(westernDigits(feedbackWord(first) === 'week' ? second : first.replace(/^w/i, '')));
  const week = rest.length <= 2 && Number.isInteger(n) ? agenda.week(n) : undefined;
  if (!week) return say(ctx, ctx.t('feedback.report.how'));
  const sessions = agenda.sessionsOfWeek(n).filter((t) => t.start <= ctx.now);
  return groupReport(ctx, ctx.t('feedback.report.weekHeader', { week: n }), sessions, await store.feedbackOn(sessions.map((t) => t.session.id)));
}

export async function feedbackExport(ctx: CommandContext): Promise<Reply> {
  const all = await ctx.core.store.allFeedback();
  const titleOf = (id: string) => ctx.core.agenda.session(id)?.session.title.en ?? '';
  return { ...say(ctx, ctx.t('feedback.report.exported', { count: all.length })), files: [{ name: 'ckex-feedback.csv', mime: 'text/csv', content: feedbackCsv(all, titleOf), private: true }] };
}
