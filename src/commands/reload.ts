// reload (organisers): the running bot reads content/ again and answers from the new agenda, with no restart.
import { ContentError } from '../core/content/load.js';
import type { Session } from '../core/content/schema.js';
import type { Reply } from '../core/reply.js';
import { diffAgendas } from '../importers/diff.js';
import { CONTENT_VERSION_SETTING, contentVersion } from '../core/content/version.js';
import { none } from './args.js';
import { defineCommand } from './types.js';
import type { CommandContext } from '../core/context.js';

const LISTED = 8;

function titles(ctx: CommandContext, ids: string[], sessions: Session[]): string {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const shown = ids.slice(0, LISTED).map((id) => `${byId.get(id)?.title[ctx.lang] ?? id} (${id})`);
  return ids.length > LISTED ? `${shown.join('; ')}; …` : shown.join('; ');
}

export const reload = defineCommand({
  name: 'reload',
  admin: true,
  aliases: { en: ['reload'], fr: ['recharger'], ar: ['إعادة تحميل', 'أعد التحميل'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => {
    const text = (key: string, vars?: Record<string, unknown>) => ({ type: 'text' as const, text: [ctx.t(key, vars)] });
    if (!ctx.core.reloadContent) return { lang: ctx.lang, blocks: [text('reload.unavailable')] };
    let swapped;
    try {
      swapped = await ctx.core.reloadContent();
    } catch (err) {
      if (!(err instanceof ContentError)) throw err;
      return {
        lang: ctx.lang,
        blocks: [{ type: 'header', text: ctx.t('reload.refusedHeader') }, text('reload.refused', { file: err.file, path: err.path, problem: err.problem }), text('reload.kept')],
      };
    }
    const { before, after } = swapped;
    // Every instance on the database follows this version; the scheduler tells people what changed for them.
    await ctx.core.store.saveSetting(CONTENT_VERSION_SETTING, contentVersion(after));
    if (contentVersion(before) !== contentVersion(after)) ctx.core.agendaChanges.push(swapped);
    const diff = diffAgendas(before.agenda.sample ? undefined : before.agenda, after.agenda);
    if (before.agenda.sample && !after.agenda.sample) diff.removed = before.agenda.sessions.map((s) => ({ id: s.id, title: s.title.en, when: '' }));
    const blocks: Reply['blocks'] = [
      { type: 'header', text: ctx.t('reload.header') },
      text('reload.counts', { sessions: after.agenda.sessions.length, resources: after.library.resources.length }),
    ];
    const { added, changed, removed } = diff;
    if (added.length + changed.length + removed.length === 0) blocks.push(text('reload.same'));
    else {
      blocks.push(text('reload.changes', { added: added.length, changed: changed.length, removed: removed.length }));
      if (added.length > 0) blocks.push(text('reload.added', { titles: titles(ctx, added.map((s) => s.id), after.agenda.sessions) }));
      if (changed.length > 0) blocks.push(text('reload.changed', { titles: titles(ctx, changed.map((s) => s.id), after.agenda.sessions) }));
      if (removed.length > 0) blocks.push(text('reload.removed', { titles: titles(ctx, removed.map((s) => s.id), before.agenda.sessions) }));
      blocks.push({ type: 'context', text: [ctx.t('reload.notices')] });
    }
    return { lang: ctx.lang, blocks };
  },
});
