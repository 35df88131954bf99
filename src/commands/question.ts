// A question in the asker's own words, answered with what it is about: a session, a day or part of it, a week,
// sessions and library items on a subject, or an action (register, my data, help). Each rule is general: the
// words come from the reader's tables, and the answers reuse the commands' own views.
import type { TimedSession } from '../core/agenda.js';
import type { Block, Reply } from '../core/reply.js';
import type { Part, Understanding } from '../understanding/index.js';
import { weekResources } from './resources.js';
import { smallTalkReply } from './small-talk.js';
import type { CommandContext } from './types.js';
import { dayReply } from './views/day.js';
import { foundOf, foundReply, sessionButtons, sessionListBlocks } from './views/found.js';
import { dayName } from './views/times.js';

export type RunCommand = (ctx: CommandContext, text: string) => Promise<Reply>;

export interface Answered {
  reply?: Reply;
  understanding: Understanding;
}

/** A session clearly the one meant: alone, or well ahead of the next. */
const CLEAR_LEAD = 0.8;

/** The local hours each part of the day covers, in the reader's own time zone. */
const PART_HOURS: Record<Part, (hour: number) => boolean> = {
  morning: (h) => h >= 5 && h < 12,
  afternoon: (h) => h >= 12 && h < 18,
  evening: (h) => h >= 18 || h < 5,
};

export async function answerQuestion(ctx: CommandContext, text: string, run: RunCommand): Promise<Answered> {
  const understanding = ctx.core.reader.read(text, ctx.now.setZone(ctx.zone));
  const reply = await decide(ctx, understanding, run);
  return reply ? { reply, understanding } : { understanding };
}

const has = (u: Understanding, ...intents: Understanding['intents']) => intents.some((i) => u.intents.includes(i));

const textReply = (ctx: CommandContext, blocks: Block[]): Reply => ({ lang: ctx.lang, blocks });

async function decide(ctx: CommandContext, u: Understanding, run: RunCommand): Promise<Reply | undefined> {
  if (u.sessionId) return run(ctx, `session ${u.sessionId}`);
  if (u.sessionIdGuesses) return guessesReply(ctx, u.sessionIdGuesses);
  if (u.dateChoices) return whichDateReply(ctx, u.dateChoices);
  if (has(u, 'me')) return run(ctx, 'me');
  if (has(u, 'register')) return run(ctx, 'register');
  if (has(u, 'lang') && u.namedLang) return run(ctx, `lang ${u.namedLang}`);
  if (u.weekOutOfRange !== undefined) return textReply(ctx, [{ type: 'text', text: [ctx.t('commands.week.invalid', { given: u.weekOutOfRange, usage: `${ctx.t('question.weekWord')} ${ctx.t('commands.week.usage')}` })] }]);
  const found = foundOf(ctx, u.hits);
  if (u.day || u.part) return dayAnswer(ctx, u, found.sessions);
  if (u.week !== undefined) return weekAnswer(ctx, u, u.week, found.sessions, run);
  if (u.hits.length > 0) return subjectAnswer(ctx, u, run);
  // Words about something the agenda and library do not cover, or a yes or no to nothing: not understood.
  if (u.subject !== '' || (has(u, 'yes', 'no') && u.intents.length > 1)) return undefined;
  if (has(u, 'now', 'next')) return run(ctx, 'now');
  if (has(u, 'whatsOn', 'sessions')) return run(ctx, 'today');
  if (has(u, 'resources')) return run(ctx, 'resources');
  if (has(u, 'help')) return run(ctx, 'help');
  for (const kind of ['greeting', 'thanks', 'goodbye'] as const) if (has(u, kind)) return smallTalkReply(ctx, kind);
  if (has(u, 'yes', 'no')) return textReply(ctx, [{ type: 'text', text: [ctx.t('question.nothingAsked')] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.help'), command: 'help' }] }]);
  return undefined;
}

/** A day (or a part of one), narrowed to the sessions on the subject asked about, if any. */
function dayAnswer(ctx: CommandContext, u: Understanding, onSubject: TimedSession[]): Reply {
  const date = u.day?.date ?? ctx.now.setZone(ctx.zone).toISODate()!;
  if (has(u, 'resources') && onSubject.length === 0) return weekResources(ctx, ctx.core.agenda.currentWeek(date).number);
  if (u.subject !== '' && u.hits.length > 0) {
    // "yesterday's talk on the missing middle" when it was today: say so, and show when it is.
    if (onSubject.length > 0 && !onSubject.some((s) => s.start.setZone(ctx.zone).toISODate() === date)) {
      const found = foundReply(ctx, u.subjectShown, { sessions: onSubject, resources: [] });
      return { ...found, blocks: [{ type: 'text', text: [ctx.t('question.elsewhere', { day: dayName(ctx, date), subject: u.subjectShown })] }, ...found.blocks] };
    }
    const ids = new Set(onSubject.map((s) => s.session.id));
    return dayReply(ctx, date, { only: (t) => ids.has(t.session.id), label: u.subjectShown, none: ctx.t('question.dayNone', { day: dayName(ctx, date), subject: u.subjectShown }) });
  }
  if (u.part) {
    const part = u.part;
    const label = ctx.t(`question.parts.${part}`);
    return dayReply(ctx, date, { only: (t) => PART_HOURS[part](t.start.setZone(ctx.zone).hour), label, none: ctx.t('question.partNone', { part: label, day: dayName(ctx, date) }) });
  }
  return dayReply(ctx, date);
}

/** A week, or the sessions of it on the subject asked about, or its reading list. */
async function weekAnswer(ctx: CommandContext, u: Understanding, week: number, onSubject: TimedSession[], run: RunCommand): Promise<Reply> {
  if (has(u, 'resources')) return weekResources(ctx, week);
  const inWeek = onSubject.filter((s) => s.session.week === week);
  if (inWeek.length === 0) return run(ctx, `week ${week}`);
  return foundReply(ctx, u.subjectShown, { sessions: inWeek, resources: [] });
}

/** Sessions and items on a subject; one session when the question asks when or where it is; a week by its theme. */
async function subjectAnswer(ctx: CommandContext, u: Understanding, run: RunCommand): Promise<Reply> {
  const [top, second] = u.hits;
  if (has(u, 'resources')) return run(ctx, `resources ${u.subjectShown}`);
  if (top!.kind === 'week' && (!second || second.score < top!.score * CLEAR_LEAD)) return run(ctx, `week ${top!.id}`);
  const found = foundOf(ctx, u.hits);
  const sessionScores = u.hits.filter((h) => h.kind === 'session').map((h) => h.score);
  const clear = sessionScores.length === 1 || (sessionScores.length > 1 && sessionScores[1]! < sessionScores[0]! * CLEAR_LEAD);
  if (has(u, 'when', 'where') && clear && found.sessions[0]) return run(ctx, `session ${found.sessions[0].session.id}`);
  return foundReply(ctx, u.subjectShown, found);
}

/** "w2-d3": that day's sessions, to choose from. */
function guessesReply(ctx: CommandContext, ids: string[]): Reply {
  if (ids.length === 0) return textReply(ctx, [{ type: 'text', text: [ctx.t('session.notFound', { id: '?', example: ctx.core.agenda.sessionIds()[0] })] }]);
  const sessions = ids.map((id) => ctx.core.agenda.session(id)).filter((s): s is TimedSession => s !== undefined);
  return {
    lang: ctx.lang,
    blocks: [{ type: 'text', text: [ctx.t('question.whichSession')] }, ...sessionListBlocks(ctx, sessions), { type: 'actions', buttons: sessionButtons(ctx, sessions).slice(0, sessions.length) }],
  };
}

/** "5/12": 12 May or 5 December? Asked, never guessed. */
function whichDateReply(ctx: CommandContext, dates: [string, string]): Reply {
  const [first, second] = dates.map((d) => dayName(ctx, d)) as [string, string];
  return {
    lang: ctx.lang,
    blocks: [{ type: 'text', text: [ctx.t('question.whichDate', { first, second })] }, { type: 'actions', buttons: dates.map((d) => ({ label: dayName(ctx, d), command: `agenda ${d}` })) }],
  };
}
