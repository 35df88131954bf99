// search <words>: sessions and library items together, ranked by how well they match, in any of the three languages.
import { z } from 'zod';
import type { Reply } from '../core/reply.js';
import { defineCommand } from './types.js';
import { foundOf, foundReply } from '../views/found.js';

export const search = defineCommand({
  name: 'search',
  aliases: { en: ['search', 'find'], fr: ['chercher', 'rechercher', 'recherche', 'trouver'], ar: ['بحث', 'ابحث', 'البحث'] },
  args: () => z.string().trim().min(1),
  run: (ctx, query: string): Reply => {
    const found = foundOf(ctx, ctx.core.reader.find(query));
    if (found.sessions.length + found.resources.length === 0) {
      return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('found.nothing', { subject: query })] }, { type: 'actions', buttons: [{ label: ctx.t('buttons.resources'), command: 'resources' }, { label: ctx.t('buttons.thisWeek'), command: 'week' }] }] };
    }
    return foundReply(ctx, query, found);
  },
});
