// questions <session> [by language | export]: the questions by votes, grouped by language for the interpreters, or
// (organisers) a CSV of them all.
import type { CommandContext } from '../../core/context.js';
import { canModerate } from '../../core/live/index.js';
import { questionsCsv } from '../../core/live/export-csv.js';
import { normalizeWord } from '../../core/i18n/normalize.js';
import type { Reply } from '../../core/reply.js';
import { questionsReply } from '../../views/live/index.js';
import { words } from '../args.js';
import { defineCommand } from '../types.js';
import { BY_LANGUAGE, EXPORT_WORDS, SESSION_WORD } from './words.js';

const say = (ctx: CommandContext, text: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [text] }] });

export async function isModerator(ctx: CommandContext, sessionId: string): Promise<boolean> {
  return ctx.isAdmin || canModerate(ctx.core.admins, ctx.caller, await ctx.core.store.moderatorsOf(sessionId));
}

export const questions = defineCommand({
  name: 'questions',
  aliases: { en: ['questions'], fr: ['questions'], ar: ['الأسئلة', 'أسئلة', 'اسئلة'] },
  args: () => words,
  run: async (ctx, raw: string): Promise<Reply> => {
    const [first = '', ...rest] = raw.split(/\s+/);
    if (!SESSION_WORD.test(first)) return say(ctx, ctx.t('live.questionsHow'));
    const timed = ctx.core.agenda.session(first.toLowerCase());
    if (!timed) return say(ctx, ctx.t('session.notFound', { id: first, example: ctx.core.agenda.sessionIds()[0] }));
    const option = normalizeWord(rest.join(' '));
    const all = await ctx.core.store.questionsOf(timed.session.id);
    if (EXPORT_WORDS.has(option)) {
      if (!ctx.isAdmin) return say(ctx, ctx.t('errors.organisersOnly'));
      if (ctx.shared) return say(ctx, ctx.t('errors.privateOnly'));
      return { lang: ctx.lang, personal: true, blocks: [{ type: 'text', text: [ctx.t('live.exported', { count: all.length })] }], files: [{ name: `questions-${timed.session.id}.csv`, mime: 'text/csv', content: questionsCsv(all), private: true }] };
    }
    if (option !== '' && !BY_LANGUAGE.has(option)) return say(ctx, ctx.t('live.questionsHow'));
    return questionsReply(ctx, timed, all, { grouped: option !== '', moderator: await isModerator(ctx, timed.session.id) });
  },
});
