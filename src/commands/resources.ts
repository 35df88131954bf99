// resources [words]: search the library in any language; with no words, the current week's resources.
import type { Resource } from '../core/content/schema.js';
import { formatDay } from '../core/i18n/format.js';
import type { Block, Reply } from '../core/reply.js';
import { DateTime } from 'luxon';
import { words } from './args.js';
import { defineCommand, type CommandContext } from './types.js';

const MAX_SHOWN = 8;

export function resourceBlock(ctx: CommandContext, r: Resource): Block {
  const meta = [ctx.t(`resourceTypes.${r.type}`)];
  if (r.date) meta.push(formatDay(DateTime.fromISO(r.date, { zone: 'utc' }), ctx.lang));
  if (r.originalLanguage !== ctx.lang) meta.push(ctx.t('resources.original', { title: r.title[r.originalLanguage] }));
  return { type: 'section', title: r.title[ctx.lang], text: [r.summary[ctx.lang]], meta: meta.join(' · ') };
}

function listReply(ctx: CommandContext, header: string, found: Resource[], total: number): Reply {
  const blocks: Block[] = [{ type: 'header', text: header }];
  blocks.push(...found.slice(0, MAX_SHOWN).map((r) => resourceBlock(ctx, r)));
  if (total > MAX_SHOWN) blocks.push({ type: 'context', text: [ctx.t('resources.more', { count: total - MAX_SHOWN })] });
  blocks.push({ type: 'context', text: [ctx.core.content.library.source[ctx.lang]] });
  return { lang: ctx.lang, blocks, shareable: true };
}

function weekResources(ctx: CommandContext): Reply {
  const { agenda, content } = ctx.core;
  const week = agenda.currentWeek(ctx.now.setZone(ctx.zone).toISODate()!);
  const found = content.library.resources.filter((r) => r.weeks.includes(week.number));
  return listReply(ctx, ctx.t('resources.forWeek', { number: week.number, title: week.title[ctx.lang], count: found.length }), found, found.length);
}

function searchResources(ctx: CommandContext, query: string): Reply {
  const { search, content } = ctx.core;
  const hits = search.query(query, 50);
  const byId = new Map(content.library.resources.map((r) => [r.id, r]));
  const found = hits.map((h) => byId.get(h.id)).filter((r): r is Resource => r !== undefined);
  if (found.length === 0) {
    const week = ctx.core.agenda.currentWeek(ctx.now.setZone(ctx.zone).toISODate()!);
    return {
      lang: ctx.lang,
      blocks: [
        { type: 'text', text: [ctx.t('resources.none', { query })] },
        { type: 'actions', buttons: [{ label: ctx.t('buttons.weekResources', { number: week.number }), command: 'resources' }] },
      ],
    };
  }
  return listReply(ctx, ctx.t('resources.found', { count: found.length, query }), found, found.length);
}

export const resources = defineCommand({
  name: 'resources',
  aliases: { en: ['resources', 'resource', 'library', 'search'], fr: ['ressources', 'ressource', 'bibliothèque', 'bibliotheque', 'chercher'], ar: ['موارد', 'الموارد', 'مصادر', 'المصادر', 'المكتبة', 'بحث'] },
  args: () => words,
  run: (ctx, query: string) => (query === '' ? weekResources(ctx) : searchResources(ctx, query)),
});
