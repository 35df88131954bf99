// What a reload changed, told to each person who starred a changed or removed session (one message for all of
// them), to subscribed channels in a line, and to the organisers' channel as a summary.
import type { TimedSession } from '../core/agenda.js';
import { formatList } from '../core/i18n/format.js';
import { PUNCTUATION } from '../core/i18n/punctuation.js';
import type { Block, Reply } from '../core/reply.js';
import type { ChangedField } from '../importers/diff.js';
import type { CommandContext } from '../core/context.js';
import { shownTitle } from './untranslated.js';
import { dayName, localDate, sessionSpan } from './times.js';

export interface SessionChange {
  before: TimedSession;
  /** Absent: removed from the agenda. */
  after?: TimedSession;
  fields: ChangedField[];
}

function changeLine(ctx: CommandContext, change: SessionChange): Block {
  const { before, after } = change;
  if (!after) return { type: 'text', text: [ctx.t('notice.removed', { title: shownTitle(ctx, before.session) })] };
  const title = shownTitle(ctx, after.session);
  const { comma } = PUNCTUATION[ctx.lang];
  const what = change.fields.filter((f) => f !== 'time').map((f) => ctx.t(`notice.fields.${f}`));
  const text: Block = change.fields.includes('time')
    ? { type: 'text', text: [ctx.t('notice.moved', { title }), ' ', dayName(ctx, localDate(ctx, after)), comma, ...sessionSpan(ctx, after), ' ', ctx.t('notice.was'), ' ', dayName(ctx, localDate(ctx, before)), comma, ...sessionSpan(ctx, before)] }
    : { type: 'text', text: [ctx.t('notice.changed', { title, what: formatList(what, ctx.lang) })] };
  return text;
}

/** One person's notice: every starred session the reload changed or removed. */
export function personalNotice(ctx: CommandContext, changes: SessionChange[]): Reply {
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('notice.header') },
      { type: 'text', text: [ctx.t('notice.intro', { count: changes.length })] },
      ...changes.map((c) => changeLine(ctx, c)),
      { type: 'actions', buttons: [{ label: ctx.t('buttons.myAgenda'), command: 'myagenda', style: 'primary' }, ...changes.filter((c) => c.after).slice(0, 2).map((c) => ({ label: ctx.t('buttons.details'), command: `session ${c.after!.session.id}` }))] },
    ],
  };
}

export interface ChangeCounts {
  added: number;
  changed: number;
  removed: number;
}

/** A channel's short "schedule update". */
export function channelUpdate(ctx: CommandContext, counts: ChangeCounts): Reply {
  return {
    lang: ctx.lang,
    blocks: [{ type: 'text', text: [ctx.t('notice.channel', { ...counts })] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.today'), command: 'today' }, { label: ctx.t('buttons.thisWeek'), command: 'week' }] }],
  };
}

/** The organisers' summary: what changed and how many people and channels were told. */
export function organisersSummary(ctx: CommandContext, counts: ChangeCounts, told: { people: number; channels: number }): Reply {
  return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('notice.summary', { ...counts, people: told.people, channels: told.channels })] }] };
}
