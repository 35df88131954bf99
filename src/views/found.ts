// Sessions and library items about a subject, ranked together, each with its id: the answer to `search`, to
// `resources <words>` and to a question about a subject.
import type { TimedSession } from '../core/agenda.js';
import type { Resource } from '../core/content/schema.js';
import { formatShortDay } from '../core/i18n/format.js';
import type { Block, Button, Reply } from '../core/reply.js';
import type { Hit } from '../core/reading.js';
import { resourceBlock, resourceBlocks } from './resource.js';
import type { CommandContext } from '../core/context.js';
import { sampleNote } from './notes.js';
import { sessionButton, sessionLine, starButton } from './session-lines.js';
import { zoneNote } from './times.js';

const MAX_SESSIONS = 8;
const MAX_ITEMS = 6;

export interface Found {
  sessions: TimedSession[];
  resources: Resource[];
}

/** The sessions and library items among ranked hits, in their order. */
export function foundOf(ctx: CommandContext, hits: readonly Hit[]): Found {
  const byId = new Map(ctx.core.content.library.resources.map((r) => [r.id, r]));
  return {
    sessions: hits.flatMap((h) => (h.kind === 'session' ? [ctx.core.agenda.session(h.id)].filter((s): s is TimedSession => s !== undefined) : [])),
    resources: hits.flatMap((h) => (h.kind === 'resource' ? [byId.get(h.id)].filter((r): r is Resource => r !== undefined) : [])),
  };
}

/** "Tue 25 May  08:30–10:00  Title (w4-d2-a)": the day too, since these sessions are spread over the event. */
function datedLine(ctx: CommandContext, timed: TimedSession): Block {
  return { type: 'text', text: [ctx.t('phrasing.datedLine', { day: formatShortDay(timed.start.setZone(ctx.zone), ctx.lang) }), ...sessionLine(ctx, timed)], accessory: starButton(ctx, timed) };
}

export function sessionListBlocks(ctx: CommandContext, sessions: readonly TimedSession[]): Block[] {
  return sessions.slice(0, MAX_SESSIONS).map((s) => datedLine(ctx, s));
}

export function itemBlocks(ctx: CommandContext, resources: readonly Resource[]): Block[] {
  return resources.slice(0, MAX_ITEMS).flatMap((r) => {
    const block = resourceBlock(ctx, r);
    return resourceBlocks(ctx, r, block.type === 'section' ? { ...block, meta: `${block.meta ? `${block.meta} · ` : ''}${r.id}` } : block);
  });
}

/** Buttons to the first sessions found and their week. */
export function sessionButtons(ctx: CommandContext, sessions: readonly TimedSession[]): Button[] {
  const buttons: Button[] = sessions.slice(0, 3).map((s) => sessionButton(ctx, s));
  const week = sessions[0]?.session.week;
  if (week !== undefined) buttons.push({ label: ctx.t('buttons.week', { number: week }), command: `week ${week}` });
  return buttons;
}

/** The found view; `libraryFirst` when the question asked for documents. */
export function foundReply(ctx: CommandContext, subject: string, found: Found, libraryFirst = false): Reply {
  const sessions: Block[] = found.sessions.length > 0 ? [{ type: 'text', text: [ctx.t('found.sessions')] }, ...sessionListBlocks(ctx, found.sessions)] : [];
  const items: Block[] = found.resources.length > 0 ? [{ type: 'text', text: [ctx.t('found.library')] }, ...itemBlocks(ctx, found.resources)] : [];
  const blocks: Block[] = [{ type: 'header', text: ctx.t('found.header', { subject }) }, ...(libraryFirst ? [...items, ...sessions] : [...sessions, ...items])];
  const notes: string[] = [];
  if (found.sessions[0]) notes.push(zoneNote(ctx, found.sessions[0].start));
  const sample = sampleNote(ctx);
  if (found.sessions.length > 0 && sample) notes.push(sample);
  if (found.resources.length > 0) notes.push(ctx.core.content.library.source[ctx.lang]);
  if (notes.length > 0) blocks.push({ type: 'context', text: [notes.join(' · ')] });
  const buttons = sessionButtons(ctx, found.sessions);
  if (buttons.length > 0) blocks.push({ type: 'actions', buttons });
  return { lang: ctx.lang, blocks, shareable: true, ...(found.sessions.length > 0 ? { shows: { sessions: found.sessions.map((s) => s.session.id) } } : {}) };
}
