// ask [<session>] [anonymously] <question>: a question to a session's panel, open from its live post until it ends.
// Without a session, the one taking questions now. The reply gives the question's short id (q12), or the reason.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { MAX_OPEN_QUESTIONS, questionWindow, sessionTakingQuestions } from '../../core/live/index.js';
import { normalizeWord } from '../../core/i18n/normalize.js';
import type { Reply } from '../../core/reply.js';
import { MAX_QUESTION_CHARS } from '../../core/store/live-records.js';
import { windowNote } from '../../views/live/index.js';
import { shownTitle } from '../../views/untranslated.js';
import { words } from '../args.js';
import { defineCommand } from '../types.js';
import { ANONYMOUS_WORDS, SESSION_WORD } from './words.js';

const say = (ctx: CommandContext, text: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [text] }] });

interface Parsed {
  sessionId?: string;
  anonymous: boolean;
  text: string;
}

/** Session id and "anonymously" may come in either order before the question. */
export function parseAsk(raw: string): Parsed {
  let rest = raw.trim();
  let sessionId: string | undefined;
  let anonymous = false;
  for (let i = 0; i < 2; i++) {
    const [first = ''] = rest.split(/\s+/, 1);
    if (!sessionId && SESSION_WORD.test(first)) sessionId = first.toLowerCase();
    else if (!anonymous && ANONYMOUS_WORDS.has(normalizeWord(first.replace(/[,:]$/, '')))) anonymous = true;
    else break;
    rest = rest.slice(first.length).replace(/^[\s,:]+/, '');
  }
  return { ...(sessionId ? { sessionId } : {}), anonymous, text: rest.trim() };
}

export async function askQuestion(ctx: CommandContext, parsed: Parsed): Promise<Reply> {
  const { live } = ctx.core;
  let timed: TimedSession | undefined;
  if (parsed.sessionId) {
    timed = ctx.core.agenda.session(parsed.sessionId);
    if (!timed) return say(ctx, ctx.t('session.notFound', { id: parsed.sessionId, example: ctx.core.agenda.sessionIds()[0] }));
  } else {
    timed = sessionTakingQuestions(ctx.core.agenda, ctx.now, live.minutes);
    if (!timed) return say(ctx, ctx.t('live.noSessionNow'));
  }
  if (parsed.text === '') return say(ctx, ctx.t('live.askHow', { id: timed.session.id }));
  const length = [...parsed.text].length;
  if (length > MAX_QUESTION_CHARS) return say(ctx, ctx.t('live.tooLong', { count: MAX_QUESTION_CHARS, given: length }));
  if (parsed.anonymous && !live.anonymous) return say(ctx, ctx.t('live.anonymousOff'));
  if (questionWindow(timed, ctx.now, live.minutes) !== 'open') {
    return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('live.windowFor', { title: shownTitle(ctx, timed.session), note: windowNote(ctx, timed) })] }, { type: 'actions', buttons: [{ label: ctx.t('live.seeQuestions'), command: `questions ${timed.session.id}` }] }] };
  }
  const written = ctx.core.reader.language(parsed.text) ?? ctx.lang;
  const added = await ctx.core.store.addQuestion(
    { sessionId: timed.session.id, authorId: ctx.caller.id, anonymous: parsed.anonymous, text: parsed.text, lang: written, status: live.moderation ? 'waiting' : 'open', createdAt: ctx.now.toUTC().toISO()! },
    MAX_OPEN_QUESTIONS,
  );
  if (added === 'limit') return say(ctx, ctx.t('live.limit', { count: MAX_OPEN_QUESTIONS }));
  ctx.core.liveChanged?.(timed.session.id);
  const key = added.status === 'waiting' ? 'live.askedWaiting' : parsed.anonymous ? 'live.askedAnonymous' : 'live.asked';
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'text', text: [ctx.t(key, { id: added.id, title: shownTitle(ctx, timed.session) })] },
      { type: 'actions', buttons: [{ label: ctx.t('live.seeQuestions'), command: `questions ${timed.session.id}` }] },
    ],
  };
}

export const ask = defineCommand({
  name: 'ask',
  freeText: true,
  aliases: { en: ['ask', 'question'], fr: ['poser', 'question'], ar: ['سؤال', 'اسأل', 'اسال'] },
  args: () => words,
  run: (ctx, raw: string) => askQuestion(ctx, parseAsk(raw)),
});
