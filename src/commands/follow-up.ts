// What the bot last showed a person, kept per user and per conversation for ten minutes (as the yes/no memory):
// the sessions of a reply, the day or week it was. "Add it to my agenda", "the second one", « ajoute-la », «أضفها»,
// "when is it?" act on it; "the next day", « le lendemain », «وبعده؟» move from it. Kept in the store, so another
// instance answering the next message knows it too.
import { DateTime } from 'luxon';
import type { CommandContext } from '../core/context.js';
import type { Understanding } from '../core/reading.js';
import type { Reply } from '../core/reply.js';
import { StoreUnavailableError } from '../core/store/errors.js';
import type { UserPrefs } from '../core/store/records.js';
import { SCOPED_FACTS } from './fact.js';
import { PENDING_MS } from './pending.js';

export const SHOWN_MS = PENDING_MS;
const MAX_SHOWN = 20;

type Shown = NonNullable<UserPrefs['shown']>;

/** The conversation a message came in: a channel, or the direct conversation. */
const conversationOf = (ctx: CommandContext): string => (ctx.channel ? `${ctx.channel.platform}:${ctx.channel.id}` : ctx.shared ? 'shared' : 'direct');

/** What the bot last showed this user in this conversation, if recent. */
export function lastShown(ctx: CommandContext): Shown | undefined {
  const shown = ctx.prefs?.shown;
  if (!shown || shown.conversation !== conversationOf(ctx)) return undefined;
  return ctx.now.toMillis() - Date.parse(shown.at) <= SHOWN_MS ? shown : undefined;
}

/** Remembers what a reply shows; a store away loses only the follow-up, never the answer. */
export async function rememberShown(ctx: CommandContext, reply: Reply): Promise<void> {
  if (!reply.shows || reply.erased || ctx.unread) return;
  const { sessions, day, week } = reply.shows;
  const shown: Shown = { conversation: conversationOf(ctx), at: ctx.now.toUTC().toISO()!, sessions: sessions.slice(0, MAX_SHOWN), ...(day ? { day } : {}), ...(week !== undefined ? { week } : {}) };
  await ctx.core.store.updateUser(ctx.caller.id, { shown }).catch((err: unknown) => {
    if (!(err instanceof StoreUnavailableError)) throw err;
  });
}

const has = (u: Understanding, ...intents: Understanding['intents']) => intents.some((i) => u.intents.includes(i));

/** Whether the question names sessions of its own: an id, or words that find some ("remove the cash transfers session"). */
const namesASession = (u: Understanding): boolean => Boolean(u.sessionId || u.sessionIdGuesses || u.hits.some((h) => h.kind === 'session'));

/** The question with what it points at filled in from what was last shown. */
export function followUp(ctx: CommandContext, u: Understanding): Understanding {
  const shown = lastShown(ctx);
  if (!shown) return u;
  const out: Understanding = { ...u };
  const weekShown = shown.week ?? (shown.day ? ctx.core.agenda.weekOf(shown.day, ctx.zone)?.number : undefined);
  const weekShift = u.shiftWeeks ?? (u.shiftDays !== undefined && shown.week !== undefined && !shown.day ? u.shiftDays : undefined);
  if (weekShift !== undefined && weekShown !== undefined && !u.day) {
    // "and the week after?", «واللي بعده؟» after a week: the week it moves to.
    if (ctx.core.agenda.week(weekShown + weekShift)) out.week = weekShown + weekShift;
    delete out.shiftDays;
    return out;
  }
  if (u.day?.bare && u.day.weekday !== undefined && shown.day) {
    // "and Tuesday?" after Monday the 24th: the Tuesday of that week.
    const monday = DateTime.fromISO(shown.day, { zone: 'utc' }).startOf('week');
    out.day = { ...u.day, date: monday.plus({ days: u.day.weekday - 1 }).toISODate()! };
    return out;
  }
  if (u.shiftDays !== undefined && !u.day && u.week === undefined) {
    const from = shown.day ?? (shown.sessions.length === 1 ? ctx.core.agenda.session(shown.sessions[0]!)?.start.setZone(ctx.zone).toISODate() : undefined);
    const date = from ? ctx.core.agenda.step(from, u.shiftDays > 0 ? 1 : -1, ctx.zone) : undefined;
    if (date) out.day = { date, explicit: true };
    return out;
  }
  if (namesASession(u) || u.day || u.week !== undefined || shown.sessions.length === 0) return u;
  if (u.fact && !SCOPED_FACTS.has(u.fact)) return u;
  // A reminder setting ("remind me 15 minutes before") is about every starred session, not the one shown.
  const acts = has(u, 'star', 'unstar', 'add', 'remove', 'when', 'where');
  const nth = u.referent?.nth ?? (u.sessionOrder !== undefined && shown.sessions.length > 1 ? u.sessionOrder : undefined);
  if (!u.referent && !acts && nth === undefined) return u;
  const list = shown.sessions;
  const id = nth === 'last' ? list[list.length - 1] : nth !== undefined ? list[nth - 1] : list.length === 1 ? list[0] : undefined;
  delete out.sessionOrder;
  if (id) out.sessionId = id;
  else if (nth === undefined) out.sessionIdGuesses = list;
  return out;
}
