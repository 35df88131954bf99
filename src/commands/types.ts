// A command is data: its names in three languages, its argument schema, and a handler returning a Reply.
import type { z } from 'zod';
import type { BotCore } from '../core/bot-core.js';
import type { Lang } from '../core/lang.js';
import type { Reply } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';

export interface CommandSpec<A = unknown> {
  name: string;
  /** Words that call it, per language; the first English one is the name shown in help. */
  aliases: Record<Lang, string[]>;
  /** Parses the text after the command word. */
  args: (core: BotCore) => z.ZodType<A, string>;
  admin?: boolean;
  /** Who besides the organisers finds it in help, when it is not everyone (a focal point's, a moderator's command). */
  shownTo?: (ctx: CommandContext) => boolean;
  /** What it answers is one person's or organisers' data: never where others read; a channel is told where to ask. */
  personal?: boolean;
  /** Its arguments are free text kept as typed, the punctuation at its end included (a question's "?"). */
  freeText?: boolean;
  run(ctx: CommandContext, args: A): Reply | Promise<Reply>;
}

/** Keeps each spec's argument type while listing specs together. */
export const defineCommand = <A>(spec: CommandSpec<A>): CommandSpec<unknown> => spec as CommandSpec<unknown>;
