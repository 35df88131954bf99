// A question about the event itself answered from content/event-faq.json, in the asker's language, with the one or
// two buttons that follow from it (register, today, my data…). A fact about sessions in general asked of one
// session, day or week ("when does the digital payments session start?", "the themes of week 2") is that
// session's, day's or week's: the agenda answers it instead.
import type { FactAction } from '../core/content/faq.js';
import type { CommandContext } from '../core/context.js';
import type { Understanding } from '../core/reading.js';
import type { Button, Reply } from '../core/reply.js';

/** Facts that something more precise in the question takes over. */
export const SCOPED_FACTS: ReadonlySet<string> = new Set(['dates', 'join', 'materials', 'recordings', 'session-format', 'themes']);

const CLEAR_LEAD = 0.8;

const LABELS: Record<FactAction, string> = {
  register: 'buttons.register',
  today: 'buttons.today',
  week: 'buttons.thisWeek',
  me: 'buttons.myRegistration',
  'me export': 'buttons.exportMine',
  'me delete': 'buttons.deleteMine',
  myagenda: 'buttons.myAgenda',
  resources: 'buttons.resources',
  help: 'buttons.help',
};

/** Whether the question names something the agenda or the library answers better than the general fact. */
function aimedElsewhere(u: Understanding): boolean {
  if (u.sessionId || u.day || u.week !== undefined) return true;
  // "reading material on cash transfers": the library's, whatever the ranking.
  if (u.hits.length > 0 && u.intents.includes('resources')) return true;
  const [top, second] = u.hits;
  return top !== undefined && (!second || second.score < top.score * CLEAR_LEAD);
}

export function factReply(ctx: CommandContext, u: Understanding): Reply | undefined {
  const fact = ctx.core.content.faq.facts.find((f) => f.id === u.fact);
  if (!fact || (SCOPED_FACTS.has(fact.id) && aimedElsewhere(u))) return undefined;
  const buttons: Button[] = fact.actions.map((a) => ({ label: ctx.t(LABELS[a]), command: a }));
  return { lang: ctx.lang, blocks: [{ type: 'text', text: [fact.text[ctx.lang]] }, ...(buttons.length > 0 ? [{ type: 'actions' as const, buttons }] : [])] };
}
