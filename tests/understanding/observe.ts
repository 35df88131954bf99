// What a reply shows, read back from the platform-neutral Reply: the sessions and library items it lists, the day,
// week or single session it is about, the action it took, its language. The question table compares these.
import { DateTime } from 'luxon';
import type { BotCore } from '../../src/core/bot-core.js';
import type { Lang } from '../../src/core/lang.js';
import { formatDay } from '../../src/core/i18n/format.js';
import { plain, type Reply } from '../../src/core/reply.js';
import { stripBidi } from '../../src/core/i18n/bidi.js';

export type Action =
  | 'greeting'
  | 'thanks'
  | 'goodbye'
  | 'register'
  | 'me'
  | 'help'
  | 'now'
  | 'ask-date'
  | 'nothing-asked'
  | 'not-understood'
  | 'week-resources'
  | `lang:${Lang}`
  /** My agenda: a session starred or unstarred (by id), my agenda shown, several sessions offered to pick from. */
  | `star:${string}`
  | `unstar:${string}`
  | 'my-agenda'
  | 'which-session'
  | 'not-in-agenda'
  /** Reminders set to a number of minutes, or off. */
  | `remind:${number}`
  | 'remind:off'
  /** Live sessions: a question to a session's panel reached `ask` (by session id), a vote reached `vote` (by question id). */
  | `ask:${string}`
  | `vote:${string}`
  /** An event fact of content/event-faq.json answered, by id. */
  | `fact:${string}`;

export interface Seen {
  lang: Lang;
  /** Session ids listed, in order. */
  sessions: string[];
  /** Library item ids listed, in order. */
  items: string[];
  /** The single session shown in full, if the reply is one. */
  session?: string;
  /** The day shown (ISO date), if the reply is a day. */
  day?: string;
  week?: number;
  actions: Action[];
  text: string;
}

const SESSION_ID = /\(?(w\d-d\d-[a-z])\)/g;

export function observe(core: BotCore, reply: Reply): Seen {
  const t = core.i18n.t(reply.lang);
  const lines: string[] = [];
  const headers: string[] = [];
  const sections: string[] = [];
  for (const b of reply.blocks) {
    if (b.type === 'header') headers.push(stripBidi(b.text));
    if (b.type === 'text' || b.type === 'context') lines.push(stripBidi(plain(b.text)));
    if (b.type === 'section') sections.push(`${stripBidi(b.title)}\n${stripBidi(b.meta ?? '')}`);
    if (b.type === 'fields') for (const f of b.fields) lines.push(`${stripBidi(f.label)}: ${stripBidi(plain(f.value))}`);
  }
  const text = [...headers, ...lines, ...sections].join('\n');
  const sessions = [...new Set([...lines.join('\n').matchAll(SESSION_ID)].map((m) => m[1]!))];
  const { resources } = core.content.library;
  const items = resources.filter((r) => sections.some((s) => s.startsWith(`${stripBidi(r.title[reply.lang])}\n`))).map((r) => r.id);
  const seen: Seen = { lang: reply.lang, sessions, items, actions: [], text };
  const ics = reply.files?.find((f) => f.name.endsWith('.ics'))?.name.replace(/\.ics$/, '');
  if (ics) seen.session = ics;
  for (const date of core.agenda.days) {
    const name = formatDay(DateTime.fromISO(date, { zone: core.agenda.zone }), reply.lang).toLowerCase();
    if (headers.some((h) => h.toLowerCase().startsWith(name))) seen.day = date;
  }
  for (const week of core.content.event.weeks) {
    if (headers.includes(stripBidi(t('week.header', { number: week.number, title: week.title[reply.lang] })))) seen.week = week.number;
    const count = resources.filter((r) => r.weeks.includes(week.number)).length;
    if (headers.includes(stripBidi(t('resources.forWeek', { number: week.number, title: week.title[reply.lang], count })))) {
      seen.actions.push('week-resources');
      seen.week = week.number;
    }
  }
  const has = (key: string, options: Record<string, unknown> = {}) => text.includes(stripBidi(t(key, options)).split('{{')[0]!.slice(0, 25));
  if (has('smallTalk.examples')) seen.actions.push('greeting');
  if (has('smallTalk.thanks')) seen.actions.push('thanks');
  if (has('smallTalk.goodbye')) seen.actions.push('goodbye');
  if (reply.form || headers.some((h) => h.startsWith(stripBidi(t('form.header', { n: 1, total: 10 })).split('1')[0]!)) || has('form.resumeOffer')) seen.actions.push('register');
  if (has('me.none') || headers.includes(stripBidi(t('me.header')))) seen.actions.push('me');
  if (headers.includes(stripBidi(t('help.header', { event: core.content.event.shortName })))) seen.actions.push('help');
  if (headers.includes(stripBidi(t('now.header')))) seen.actions.push('now');
  if (reply.blocks.some((b) => b.type === 'actions' && b.buttons.filter((x) => x.command?.startsWith('agenda ')).length === 2 && b.buttons.length === 2)) seen.actions.push('ask-date');
  if (has('question.nothingAsked')) seen.actions.push('nothing-asked');
  if (has('question.canHelp')) seen.actions.push('not-understood');
  for (const { id, title } of core.content.agenda.sessions) {
    const shown = title[reply.lang];
    if (['stars.added', 'stars.already'].some((k) => text.includes(stripBidi(t(k, { title: shown }))))) seen.actions.push(`star:${id}`);
    if (['stars.removed', 'stars.notStarred'].some((k) => text.includes(stripBidi(t(k, { title: shown }))))) seen.actions.push(`unstar:${id}`);
  }
  if (headers.includes(stripBidi(t('myAgenda.header')))) seen.actions.push('my-agenda');
  if (has('question.whichToStar') || has('question.whichToUnstar')) seen.actions.push('which-session');
  if (has('question.notInAgenda')) seen.actions.push('not-in-agenda');
  for (const n of new Set([...text.matchAll(/\d+/g)].map((m) => Number(m[0])))) {
    if (n >= 1 && text.includes(stripBidi(t('remind.set', { count: n })))) seen.actions.push(`remind:${n}`);
  }
  if (has('remind.off')) seen.actions.push('remind:off');
  const voted = [...text.matchAll(/\bq[1-9]\d*\b/g)].map((m) => m[0]).find((id) => ['live.voted', 'live.unvoted', 'live.unknownQuestion', 'live.notVotable'].some((k) => text.includes(stripBidi(t(k, { id })))));
  if (voted) seen.actions.push(`vote:${voted}`);
  // The answer to a question asked, whether it was taken or the session does not take questions yet: its list's button.
  const asked = reply.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => /^questions [a-z0-9-]+$/.test(b.command ?? ''));
  if (asked && !voted && !reply.blocks.some((b) => b.type === 'header')) seen.actions.push(`ask:${asked.command!.slice('questions '.length)}`);
  for (const fact of core.content.faq.facts) if (text.includes(stripBidi(fact.text[reply.lang]))) seen.actions.push(`fact:${fact.id}`);
  for (const l of ['en', 'fr', 'ar'] as const) {
    const saved = stripBidi(core.i18n.t(l)('lang.saved', { language: core.i18n.t(l)(`languages.${l}`) }));
    if (text.includes(saved)) seen.actions.push(`lang:${l}`);
  }
  return seen;
}
