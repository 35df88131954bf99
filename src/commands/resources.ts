// resources [words]: the library searched in any language, with the sessions on the same subject; with no
// words, the current week's resources.
import type { Resource } from '../core/content/schema.js';
import type { Block, Reply } from '../core/reply.js';
import { words } from './args.js';
import { defineCommand } from './types.js';
import type { CommandContext } from '../core/context.js';
import { foundOf, sessionButtons, sessionListBlocks } from '../views/found.js';
import { resourceBlocks } from '../views/resource.js';

const MAX_SHOWN = 8;

function listReply(ctx: CommandContext, header: string, found: Resource[], total: number): Reply {
  const blocks: Block[] = [{ type: 'header', text: header }];
  blocks.push(...found.slice(0, MAX_SHOWN).flatMap((r) => resourceBlocks(ctx, r)));
  if (total > MAX_SHOWN) blocks.push({ type: 'context', text: [ctx.t('resources.more', { count: total - MAX_SHOWN })] });
  blocks.push({ type: 'context', text: [ctx.core.content.library.source[ctx.lang]] });
  return { lang: ctx.lang, blocks, shareable: true };
}

export function weekResources(ctx: CommandContext, number?: number): Reply {
  const { agenda, content } = ctx.core;
  const week = (number !== undefined ? agenda.week(number) : undefined) ?? agenda.currentWeek(ctx.now.setZone(ctx.zone).toISODate()!);
  const found = content.library.resources.filter((r) => r.weeks.includes(week.number));
  return listReply(ctx, ctx.t('resources.forWeek', { number: week.number, title: week.title[ctx.lang], count: found.length }), found, found.length);
}

function searchResources(ctx: CommandContext, query: string): Reply {
  const { resources: items, sessions } = foundOf(ctx, ctx.core.reader.find(query));
  const week = ctx.core.agenda.currentWeek(ctx.now.setZone(ctx.zone).toISODate()!);
  const weekButton = { label: ctx.t('buttons.weekResources', { number: week.number }), command: 'resources' };
  if (items.length === 0 && sessions.length === 0) {
    return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('resources.none', { query })] }, { type: 'actions', buttons: [weekButton] }] };
  }
  if (items.length === 0) {
    // Nothing to read on it, but sessions talk about it: say so, and show them.
    return {
      lang: ctx.lang,
      shareable: true,
      blocks: [{ type: 'text', text: [ctx.t('resources.onlySessions', { query })] }, ...sessionListBlocks(ctx, sessions), { type: 'actions', buttons: [...sessionButtons(ctx, sessions), weekButton] }],
    };
  }
  const reply = listReply(ctx, ctx.t('resources.found', { count: items.length, query }), items, items.length);
  if (sessions.length === 0) return reply;
  return { ...reply, blocks: [...reply.blocks, { type: 'divider' }, { type: 'text', text: [ctx.t('resources.sessionsToo')] }, ...sessionListBlocks(ctx, sessions), { type: 'actions', buttons: sessionButtons(ctx, sessions) }] };
}

export const resources = defineCommand({
  name: 'resources',
  aliases: { en: ['resources', 'resource', 'library'], fr: ['ressources', 'ressource', 'bibliothèque', 'bibliotheque'], ar: ['موارد', 'الموارد', 'مصادر', 'المصادر', 'المكتبة'] },
  args: () => words,
  run: (ctx, query: string) => (query === '' ? weekResources(ctx) : searchResources(ctx, query)),
});
