// `questions <session>`: a session's questions by votes (or grouped by language for the interpreters), what the
// reader may do, and, for moderators, the buttons that mark them answered or hide them.
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { byLanguage, questionWindow, visibleTo } from '../../core/live/index.js';
import type { Block, Reply } from '../../core/reply.js';
import type { LiveQuestion } from '../../core/store/live-records.js';
import { shownTitle } from '../untranslated.js';
import { questionBlock } from './question-lines.js';
import { windowNote } from './window-note.js';

/** The most a list shows: a chat message stays readable, and Slack's 50-block limit is far. */
export const MAX_LISTED = 20;

export interface ListOptions {
  grouped: boolean;
  moderator: boolean;
}

export function questionsReply(ctx: CommandContext, timed: TimedSession, all: readonly LiveQuestion[], options: ListOptions): Reply {
  const id = timed.session.id;
  const shown = visibleTo(all, ctx.caller.id, options.moderator).filter((q) => q.status !== 'waiting' || !options.moderator || q.authorId === ctx.caller.id);
  const open = questionWindow(timed, ctx.now, ctx.core.live.minutes) === 'open';
  const line = (q: LiveQuestion): Block[] => [questionBlock(ctx, q, open && q.status === 'open'), ...(options.moderator && q.status === 'open' ? [moderation(ctx, q)] : [])];
  const blocks: Block[] = [{ type: 'header', text: ctx.t('live.questionsHeader', { title: shownTitle(ctx, timed.session) }) }, { type: 'context', text: [windowNote(ctx, timed)] }];
  if (shown.length === 0) blocks.push({ type: 'text', text: [ctx.t('live.none')] });
  else if (options.grouped) {
    for (const group of byLanguage(shown, ctx.lang)) {
      blocks.push({ type: 'text', text: [ctx.t('live.groupHeader', { lang: ctx.t(`languages.${group.lang}`), count: group.questions.length })] });
      blocks.push(...group.questions.slice(0, MAX_LISTED).flatMap(line));
    }
  } else blocks.push(...shown.slice(0, MAX_LISTED).flatMap(line));
  if (shown.length > MAX_LISTED && !options.grouped) blocks.push({ type: 'context', text: [ctx.t('live.more', { count: shown.length - MAX_LISTED })] });
  const waiting = all.filter((q) => q.status === 'waiting').length;
  if (options.moderator && waiting > 0) blocks.push({ type: 'context', text: [ctx.t('live.waitingForYou', { count: waiting })] });
  const buttons = [
    ...(open ? [{ label: ctx.t('live.askButton'), command: `ask ${id}`, style: 'primary' as const }] : []),
    { label: ctx.t('live.byLanguageButton'), command: `questions ${id} by language` },
    ...(options.moderator && waiting > 0 ? [{ label: ctx.t('live.queueButton'), command: `queue ${id}` }] : []),
    ...(ctx.isAdmin ? [{ label: ctx.t('live.exportButton'), command: `questions ${id} export` }] : []),
  ];
  blocks.push({ type: 'actions', buttons });
  return { lang: ctx.lang, shareable: true, blocks };
}

function moderation(ctx: CommandContext, q: LiveQuestion): Block {
  return { type: 'actions', buttons: [{ label: ctx.t('live.answeredButton'), command: `answered ${q.id}` }, { label: ctx.t('live.hideButton'), command: `hide ${q.id}`, style: 'danger' }] };
}

/** `queue <session>`: what waits for a moderator, each with Approve and Hide. */
export function queueReply(ctx: CommandContext, timed: TimedSession, all: readonly LiveQuestion[]): Reply {
  const waiting = all.filter((q) => q.status === 'waiting');
  const blocks: Block[] = [{ type: 'header', text: ctx.t('live.queueHeader', { title: shownTitle(ctx, timed.session) }) }];
  if (waiting.length === 0) blocks.push({ type: 'text', text: [ctx.t('live.queueEmpty')] });
  for (const q of waiting.slice(0, MAX_LISTED)) {
    blocks.push(questionBlock(ctx, q, false), { type: 'actions', buttons: [{ label: ctx.t('live.approveButton'), command: `publish ${q.id}`, style: 'primary' }, { label: ctx.t('live.hideButton'), command: `hide ${q.id}`, style: 'danger' }] });
  }
  return { lang: ctx.lang, personal: true, blocks };
}
