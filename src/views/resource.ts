// One library item as a titled section: its type, date and original title when it was written in another language.
import { DateTime } from 'luxon';
import type { Resource } from '../core/content/schema.js';
import { formatDate } from '../core/i18n/format.js';
import type { Block } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { resourceLinkBlocks } from './links.js';

export function resourceBlock(ctx: CommandContext, r: Resource): Block {
  const meta = [ctx.t(`resourceTypes.${r.type}`)];
  if (r.date) meta.push(formatDate(DateTime.fromISO(r.date, { zone: 'utc' }), ctx.lang));
  if (r.originalLanguage !== ctx.lang) meta.push(ctx.t('resources.original', { title: r.title[r.originalLanguage] }));
  return { type: 'section', title: r.title[ctx.lang], text: [r.summary[ctx.lang]], meta: meta.join(' · ') };
}

/** The item and, when it has an address, its Open button. */
export const resourceBlocks = (ctx: CommandContext, r: Resource, block: Block = resourceBlock(ctx, r)): Block[] => [block, ...resourceLinkBlocks(ctx, r)];
