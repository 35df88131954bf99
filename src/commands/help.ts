// help: generated from the command table, in the reader's language.
import type { Block, Reply } from '../core/reply.js';
import { none } from './args.js';
import { defineCommand, type CommandSpec } from './types.js';
import type { CommandContext } from '../core/context.js';
import { commandPhrase } from '../views/command-phrases.js';

export function helpReply(ctx: CommandContext, commands: readonly CommandSpec[]): Reply {
  // Organisers see every command; others only what they can use.
  const visible = commands.filter((c) => ctx.isAdmin || (!c.admin && (c.shownTo?.(ctx) ?? true)));
  const blocks: Block[] = [
    { type: 'header', text: ctx.t('help.header', { event: ctx.core.content.event.shortName }) },
    { type: 'text', text: [ctx.t('help.intro')] },
    {
      type: 'fields',
      fields: visible.map((c) => {
        // A command with a natural phrase (« mon inscription ») is shown by it; its description names the others.
        const phrase = ctx.lang === 'en' ? undefined : commandPhrase(c.name, ctx.lang);
        const word = c.aliases[ctx.lang][0] ?? c.name;
        const usage = ctx.t(`commands.${c.name}.usage`);
        return { label: phrase ?? `${word}${usage ? ` ${usage}` : ''}`, value: [ctx.t(`commands.${c.name}.description`)] };
      }),
    },
    { type: 'context', text: [ctx.t('help.languages')] },
    { type: 'actions', buttons: [{ label: ctx.t('buttons.today'), command: 'today' }, { label: ctx.t('buttons.thisWeek'), command: 'week' }, { label: ctx.t('buttons.resources'), command: 'resources' }] },
  ];
  return { lang: ctx.lang, blocks };
}

/** help needs the whole table, so the registry hands it in. */
export const makeHelp = (commands: () => readonly CommandSpec[]) =>
  defineCommand({
    name: 'help',
    aliases: { en: ['help', '?'], fr: ['aide'], ar: ['مساعدة', 'مساعده', 'ساعدني'] },
    args: () => none,
    run: (ctx) => helpReply(ctx, commands()),
  });
