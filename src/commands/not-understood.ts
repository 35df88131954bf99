// A message not understood never gets a bare "unknown command": it says what was understood, suggests the
// command a typo was nearest to, and offers the two or three nearest actions as buttons.
import { formatList } from '../core/i18n/format.js';
import type { Button, Reply } from '../core/reply.js';
import type { Understanding } from '../core/reading.js';
import type { CommandContext } from '../core/context.js';
import { dayName } from '../views/times.js';

export interface Suggestion {
  /** The command to run and the word to show for it. */
  command: string;
  word: string;
}

const MAX_BUTTONS = 3;

/** What the reader did make out, in words: "Thursday 6 May, sessions". */
function understoodParts(ctx: CommandContext, u: Understanding | undefined): string[] {
  if (!u) return [];
  const parts: string[] = [];
  if (u.day) parts.push(dayName(ctx, u.day.date));
  if (u.week !== undefined) parts.push(ctx.t('buttons.week', { number: u.week }));
  // "add" and "remove" mean nothing without a session or my agenda named: "can you add French?" understood no adding.
  for (const intent of u.intents) if (!['greeting', 'thanks', 'goodbye', 'yes', 'no', 'lang', 'add', 'remove'].includes(intent)) parts.push(ctx.t(`question.intents.${intent}`));
  return parts;
}

/** The actions nearest to what was asked: the typo's command, then what the understood words point to. */
function nearestActions(ctx: CommandContext, u: Understanding | undefined, suggestion: Suggestion | undefined): Button[] {
  const wants = (...intents: Understanding['intents']) => intents.some((i) => u?.intents.includes(i));
  const candidates: Button[] = [];
  if (suggestion) candidates.push({ label: suggestion.word, command: suggestion.command });
  if (wants('resources', 'search')) candidates.push({ label: ctx.t('buttons.resources'), command: 'resources' });
  if (wants('register')) candidates.push({ label: ctx.t('buttons.register'), command: 'register' });
  if (u?.week !== undefined) candidates.push({ label: ctx.t('buttons.week', { number: u.week }), command: `week ${u.week}` });
  candidates.push({ label: ctx.t('buttons.today'), command: 'today' }, { label: ctx.t('buttons.thisWeek'), command: 'week' }, { label: ctx.t('buttons.resources'), command: 'resources' }, { label: ctx.t('buttons.help'), command: 'help' });
  const seen = new Set<string>();
  return candidates.filter((b) => !seen.has(b.command!) && seen.add(b.command!)).slice(0, MAX_BUTTONS);
}

export function notUnderstoodReply(ctx: CommandContext, text: string, u: Understanding | undefined, suggestion?: Suggestion): Reply {
  const shown = text.trim().slice(0, 60);
  const lines: string[] = [];
  if (u && u.subject !== '' && u.hits.length === 0 && understoodParts(ctx, u).length > 0) lines.push(ctx.t('found.nothing', { subject: u.subjectShown }));
  else lines.push(ctx.t('question.notUnderstood', { text: shown }));
  const parts = understoodParts(ctx, u);
  if (parts.length > 0) lines.push(ctx.t('question.understood', { parts: formatList(parts, ctx.lang) }));
  if (suggestion) lines.push(ctx.t('question.didYouMean', { suggestion: suggestion.word }));
  lines.push(ctx.t('question.canHelp'));
  return { lang: ctx.lang, blocks: [{ type: 'text', text: [lines.join(' ')] }, { type: 'actions', buttons: nearestActions(ctx, u, suggestion) }] };
}
