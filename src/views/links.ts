// A session's links on its card, and a library item's: the join link only from CKEX_JOIN_LINK_MINUTES before the
// start until the end (joinLinkFor, pure, shared with reminders); materials, recording and page whenever given.
import type { DateTime } from 'luxon';
import type { TimedSession } from '../core/agenda.js';
import type { Resource, Session } from '../core/content/schema.js';
import type { Block, Button, RichText } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { dayName, timeRef } from './times.js';

/**
 * Where a session's join link stands at `now`:
 * - `before`: not shown yet; it will be from `opensAt` (`minutes` before the start);
 * - `open`: shown, with its address, from `opensAt` until the session ends at `closesAt`;
 * - `over`: the session has ended, the link is no longer shown.
 * Undefined when the session has no join link.
 */
export type JoinLink =
  | { state: 'before'; opensAt: DateTime; closesAt: DateTime }
  | { state: 'open'; url: string; opensAt: DateTime; closesAt: DateTime }
  | { state: 'over'; opensAt: DateTime; closesAt: DateTime };

export function joinLinkFor(session: Pick<Session, 'links'>, start: DateTime, end: DateTime, now: DateTime, minutes: number): JoinLink | undefined {
  const url = session.links?.join;
  if (!url) return undefined;
  const opensAt = start.minus({ minutes: Math.max(0, minutes) });
  const at = now.toMillis();
  if (at < opensAt.toMillis()) return { state: 'before', opensAt, closesAt: end };
  if (at >= end.toMillis()) return { state: 'over', opensAt, closesAt: end };
  return { state: 'open', url, opensAt, closesAt: end };
}

/** A sentence with one {{time}} placeholder, as rich text with the time as a TimeRef (each Slack reader's own time). */
function withTime(text: (time: string) => string, time: RichText[number]): RichText {
  const MARK = '\u0000';
  const [before = '', after = ''] = text(MARK).split(MARK);
  return [before, time, after].filter((part) => part !== '');
}

/** The card's link buttons (join first, while it is open) and, before the join window, the line saying when it opens. */
export function sessionLinkBlocks(ctx: CommandContext, timed: TimedSession): Block[] {
  const links = timed.session.links;
  if (!links) return [];
  const join = joinLinkFor(timed.session, timed.start, timed.end, ctx.now, ctx.core.joinLinkMinutes);
  const buttons: Button[] = [];
  if (join?.state === 'open') buttons.push({ label: ctx.t('buttons.join'), url: join.url, style: 'primary' });
  if (links.materials) buttons.push({ label: ctx.t('buttons.materials'), url: links.materials });
  if (links.recording) buttons.push({ label: ctx.t('buttons.recording'), url: links.recording });
  if (links.page) buttons.push({ label: ctx.t('buttons.sessionPage'), url: links.page });
  const blocks: Block[] = [];
  if (join?.state === 'before') blocks.push(joinFromBlock(ctx, join));
  if (buttons.length > 0) blocks.push({ type: 'actions', buttons });
  return blocks;
}

/** Before the join window: the line saying from when the join link is shown, in the reader's own time. */
export function joinFromBlock(ctx: CommandContext, join: Extract<JoinLink, { state: 'before' }>, key: 'session.joinFrom' | 'reminder.joinFrom' = 'session.joinFrom'): Block {
  const day = dayName(ctx, join.opensAt.setZone(ctx.zone).toISODate()!);
  return { type: 'context', text: withTime((time) => ctx.t(key, { day, time }), timeRef(join.opensAt, ctx.zone)) };
}

/** A library item's Open button, when it has an address. */
export function resourceLinkBlocks(ctx: CommandContext, resource: Resource): Block[] {
  return resource.url ? [{ type: 'actions', buttons: [{ label: ctx.t('buttons.open'), url: resource.url }] }] : [];
}
