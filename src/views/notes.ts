// The small print under every agenda view, digest and session: the zone the times are in, and the one
// sample-agenda marker while the agenda is the sample derived from the seeds.
import type { DateTime } from 'luxon';
import type { Block } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { zoneNote } from './times.js';

/** "Sample agenda: …" while the agenda is the sample, else nothing. */
export const sampleNote = (ctx: CommandContext): string | undefined => (ctx.core.content.agenda.sample ? ctx.t('common.sampleAgenda') : undefined);

/** The context line of an agenda view: the times' zone (when there are times) and the sample marker. */
export function agendaNotes(ctx: CommandContext, at: DateTime | undefined, ...more: string[]): Block[] {
  const notes = [...(at ? [zoneNote(ctx, at)] : []), ...more, sampleNote(ctx)].filter((n): n is string => n !== undefined && n !== '');
  return notes.length > 0 ? [{ type: 'context', text: [notes.join(' · ')] }] : [];
}
