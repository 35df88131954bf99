// A question in the asker's own words, answered with what it is about: a session, a day or part of it, a week,
// sessions and library items on a subject, or an action (register, my data, my agenda, reminders, help, a question
// to a session's panel or a vote). Each
// rule is general: the words come from the reader's tables, and the answers reuse the commands' own views.
import type { TimedSession } from '../core/agenda.js';
import type { Block, Reply } from '../core/reply.js';
import type { Part, Understanding } from '../core/reading.js';
import { weekResources } from './resources.js';
import { smallTalkReply } from './small-talk.js';
import { factReply } from './fact.js';
import { followUp } from './follow-up.js';
import { liveCommandOf } from './live/own-words.js';
import { feedbackAsked } from './feedback/understood.js';
import type { CommandContext } from '../core/context.js';
import { dayReply } from '../views/day.js';
import { foundOf, foundReply, sessionButtons, sessionListBlocks } from '../views/found.js';
import { starButton } from '../views/session-lines.js';
import { dayName, zoneNote } from '../views/times.js';

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
  const read = (words: string) => ctx.core.reader.read(words, ctx.now.setZone(ctx.zone));
  const understanding = followUp(ctx, read(text));
  const live = liveCommandOf(text, understanding, read, (u) => sessionTarget(ctx, u)?.id);
  if (live) return { reply: await run(ctx, live), understanding };
  const reply = await decide(ctx, understanding, run);
  return reply ? { reply, understanding } : { understanding };
}

const has = (u: Understanding, ...intents: Understanding['intents']) => intents.some((i) => u.intents.includes(i));

const textReply = (ctx: CommandContext, blocks: Block[]): Reply => ({ lang: ctx.lang, blocks });

async function decide(ctx: CommandContext, u: Understanding, run: RunCommand): Promise<Reply | undefined> {
  if (has(u, 'feedback')) return feedbackAsked(ctx, sessionTarget(ctx, u), run);
  const personal = await agendaAnswer(ctx, u, run);
  if (personal) return personal;
  if (u.sessionId) return run(ctx, `session ${u.sessionId}`);
  if (u.sessionIdGuesses) return guessesReply(ctx, u.sessionIdGuesses);
  if (u.dateChoices) return whichDateReply(ctx, u.dateChoices);
  // "What's first up tomorrow morning": an ordinal that points at nothing shown is the day's nth session.
  const order = u.sessionOrder ?? (u.referent?.nth !== undefined && !u.sessionId && (u.day || u.part || u.week !== undefined) ? u.referent.nth : undefined);
  const nth = order !== undefined ? sessionInOrder(ctx, { ...u, sessionOrder: order }) : undefined;
  if (nth) return run(ctx, `session ${nth}`);
  if (has(u, 'lang') && u.namedLang) return run(ctx, `lang ${u.namedLang}`);
  // "who can attend?" is a fact, not a registration begun; "delete my data" the privacy fact, with its buttons.
  const fact = u.fact ? factReply(ctx, u) : undefined;
  if (fact) return fact;
  if (has(u, 'me')) return run(ctx, 'me');
  if (has(u, 'register')) return run(ctx, 'register');
  if (u.weekOutOfRange !== undefined) return textReply(ctx, [{ type: 'text', text: [ctx.t('commands.week.invalid', { given: u.weekOutOfRange, usage: `${ctx.t('question.weekWord')} ${ctx.t('commands.week.usage')}` })] }]);
  const found = foundOf(ctx, u.hits);
  // "What's the weather in DC today?": words about nothing the event holds, and nothing asked of the agenda.
  if ((u.day || u.part) && u.subject !== '' && u.hits.length === 0 && !has(u, 'whatsOn', 'sessions', 'when', 'where', 'now', 'next', 'resources', 'search')) return undefined;
  if (u.day || u.part) return dayAnswer(ctx, u, found.sessions);
  if (u.week !== undefined) return weekAnswer(ctx, u, u.week, found.sessions, run);
  if (u.hits.length > 0) return subjectAnswer(ctx, u, run);
  // Words about something the agenda and library do not cover, or a yes or no to nothing: not understood.
  if (u.subject !== '' || (has(u, 'yes', 'no') && u.intents.length > 1)) return undefined;
  // "the next session", « la prochaine séance », «الجلسة القادمة»: that one session in full; "what's next?" is now and next.
  const next = has(u, 'next') && u.oneSession ? ctx.core.agenda.nowAndNext(ctx.now).next : undefined;
  if (next) return run(ctx, `session ${next.session.id}`);
  if (has(u, 'now', 'next')) return run(ctx, 'now');
  if (has(u, 'whatsOn', 'sessions')) return run(ctx, 'today');
  if (has(u, 'resources')) return run(ctx, 'resources');
  if (has(u, 'help')) return run(ctx, 'help');
  for (const kind of ['greeting', 'thanks', 'goodbye'] as const) if (has(u, kind)) return smallTalkReply(ctx, kind);
  if (has(u, 'yes', 'no')) return textReply(ctx, [{ type: 'text', text: [ctx.t('question.nothingAsked')] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.help'), command: 'help' }] }]);
  return undefined;
}

/** The longest a reminder may come before a session, as `remind` takes it. */
const MAX_REMIND_MINUTES = 1440;

/**
 * My agenda and my reminders: "add the digital payments session to my agenda", "star w2-d3-a", « retire la séance
 * … de mon programme », "what's on my agenda?", «ذكرني قبل 15 دقيقة», "no reminders please". Undefined when the
 * message asks none of these, or names no session to add and asks something else too ("add Thursday to my agenda":
 * the day, where every session has its star).
 */
async function agendaAnswer(ctx: CommandContext, u: Understanding, run: RunCommand): Promise<Reply | undefined> {
  const verb = agendaVerb(u);
  if (verb) {
    const target = sessionTarget(ctx, u, verb === 'unstar' ? ctx.starred : undefined);
    if (target?.id) return run(ctx, `${verb} ${target.id}`);
    if (target?.choices) return verb === 'star' || target.starred ? whichSessionReply(ctx, u, verb, target.choices) : notInAgendaReply(ctx, u, target.choices, run);
    if (u.subject === '' && u.day === undefined && u.week === undefined && has(u, 'myAgenda')) return run(ctx, 'myagenda');
    return undefined;
  }
  const off = has(u, 'remindOff') || (has(u, 'remind') && has(u, 'no') && u.minutes === undefined);
  if (off) return run(ctx, 'remind off');
  if (has(u, 'remind')) {
    // "remind me 0 minutes before": no such setting; `remind` itself says what it takes.
    if (u.minutes !== undefined) {
      if (u.minutes < 1 || u.minutes > MAX_REMIND_MINUTES) return undefined;
      // "remind me 15 minutes before the disability session": the session starred, and the lead set.
      const target = has(u, 'sessions') || u.sessionId ? sessionTarget(ctx, u) : undefined;
      const set = await run(ctx, `remind ${u.minutes}`);
      if (!target?.id) return set;
      const starred = await run(ctx, `star ${target.id}`);
      // The star's own note read the lead before this message set it: the setting's answer says it instead.
      const said = set.blocks.find((b) => b.type === 'text');
      const blocks: Block[] = starred.blocks.filter((b) => b.type !== 'context');
      const actions = blocks.findIndex((b) => b.type === 'actions');
      if (said) blocks.splice(actions === -1 ? blocks.length : actions, 0, { type: 'context', text: said.text });
      return { ...starred, blocks };
    }
    // "remind me about the disability session": the sessions reminded are the starred ones.
    const target = has(u, 'sessions') || u.sessionId ? sessionTarget(ctx, u) : undefined;
    if (target?.id) return run(ctx, `star ${target.id}`);
    if (target?.choices) return whichSessionReply(ctx, u, 'star', target.choices);
    if (u.subject === '' && u.day === undefined && u.week === undefined) return run(ctx, 'remind');
    return undefined;
  }
  if (has(u, 'myAgenda')) return run(ctx, 'myagenda');
  return undefined;
}

/**
 * Star or unstar, in the order the words came. "star", "bookmark", « favori » say it alone; "add", "put", "remove",
 * « ajoute », «أزل» only with a session (its id, or the word "session") or my agenda named: "add French" adds nothing.
 */
function agendaVerb(u: Understanding): 'star' | 'unstar' | undefined {
  const aimed = u.sessionId !== undefined || u.sessionIdGuesses !== undefined || has(u, 'myAgenda', 'sessions');
  for (const intent of u.intents) {
    if (intent === 'star' || (intent === 'add' && aimed)) return 'star';
    if (intent === 'unstar' || (intent === 'remove' && aimed)) return 'unstar';
  }
  return undefined;
}

interface Target {
  /** The one session meant. */
  id?: string;
  /** Sessions it may be, to choose from; `starred` when they are the starred ones among those found. */
  choices?: TimedSession[];
  starred?: boolean;
}

/**
 * The session a message names: an id typed, or one session found clearly ahead of the next (the rule `when` and
 * `where` use), else the sessions to choose from. `prefer`: sessions to look among first (the starred ones, to unstar).
 */
function sessionTarget(ctx: CommandContext, u: Understanding, prefer?: ReadonlySet<string>): Target | undefined {
  if (u.sessionId) return { id: u.sessionId };
  const sessions = (ids: string[]) => ids.map((id) => ctx.core.agenda.session(id)).filter((s): s is TimedSession => s !== undefined);
  if (u.sessionIdGuesses) {
    const mine = prefer ? u.sessionIdGuesses.filter((id) => prefer.has(id)) : [];
    const pool = mine.length > 0 ? mine : u.sessionIdGuesses;
    if (pool.length === 0) return undefined;
    return pool.length === 1 ? { id: pool[0]! } : { choices: sessions(pool), starred: mine.length > 0 };
  }
  const hits = u.hits.filter((h) => h.kind === 'session');
  const mine = prefer ? hits.filter((h) => prefer.has(h.id)) : [];
  const pool = mine.length > 0 ? mine : hits;
  if (pool.length === 0) return undefined;
  const clear = pool.length === 1 || pool[1]!.score < pool[0]!.score * CLEAR_LEAD;
  return clear ? { id: pool[0]!.id } : { choices: sessions(pool.map((h) => h.id)), starred: mine.length > 0 };
}

/** Several sessions match: they are listed, each with its star (or unstar) button, and the reader picks one. */
function whichSessionReply(ctx: CommandContext, u: Understanding, verb: 'star' | 'unstar', choices: TimedSession[]): Reply {
  const lines = sessionListBlocks(ctx, choices).map((b, i) => ({ ...b, accessory: starButton(ctx, choices[i]!) }));
  const blocks: Block[] = [
    ...(u.subjectShown !== '' ? [{ type: 'header' as const, text: ctx.t('found.header', { subject: u.subjectShown }) }] : []),
    { type: 'text', text: [ctx.t(verb === 'star' ? 'question.whichToStar' : 'question.whichToUnstar')] },
    ...lines,
  ];
  if (choices[0]) blocks.push({ type: 'context', text: [zoneNote(ctx, choices[0].start)] });
  blocks.push({ type: 'actions', buttons: [...sessionButtons(ctx, choices).slice(0, Math.min(3, choices.length)), { label: ctx.t('buttons.myAgenda'), command: 'myagenda' }] });
  return { lang: ctx.lang, blocks };
}

/** "Remove the cash transfers session" when none of the sessions it may be is starred: say so, under my agenda's title. */
async function notInAgendaReply(ctx: CommandContext, u: Understanding, choices: TimedSession[], run: RunCommand): Promise<Reply> {
  const agenda = await run(ctx, 'myagenda');
  const subject = u.subjectShown !== '' ? u.subjectShown : choices.map((s) => s.session.id).join(', ');
  const line: Block = { type: 'text', text: [ctx.t('question.notInAgenda', { subject })] };
  const [first, ...rest] = agenda.blocks;
  return { ...agenda, blocks: first?.type === 'header' ? [first, line, ...rest] : [line, ...agenda.blocks] };
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
  if (u.remaining && date === ctx.now.setZone(ctx.zone).toISODate()) {
    const label = ctx.t('understand.remaining');
    return dayReply(ctx, date, { only: (t) => t.end > ctx.now, label, none: ctx.t('understand.remainingNone') });
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
  if ((has(u, 'when', 'where') || u.oneSession) && clear && found.sessions[0]) return run(ctx, `session ${found.sessions[0].session.id}`);
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

/** "The last session of the event", "the first session of week 2", "tomorrow's second session": by start time. */
function sessionInOrder(ctx: CommandContext, u: Understanding): string | undefined {
  const { agenda } = ctx.core;
  let pool = u.day ? agenda.on(u.day.date, ctx.zone) : u.week !== undefined ? agenda.sessionsOfWeek(u.week) : agenda.all();
  if (u.part) pool = pool.filter((s) => PART_HOURS[u.part!](s.start.setZone(ctx.zone).hour));
  const sorted = [...pool].sort((a, b) => a.start.toMillis() - b.start.toMillis());
  const pick = u.sessionOrder === 'last' ? sorted[sorted.length - 1] : sorted[(u.sessionOrder ?? 1) - 1];
  return pick?.session.id;
}
