// announcements (annonces, الإعلانات): the organisers' list of sent and scheduled announcements with their counts;
// announcements cancel <id>: a scheduled one is cancelled before it goes (once, whoever presses first).
import { z } from 'zod';
import { ANNOUNCEMENT_ID } from '../../core/announcements/index.js';
import type { CommandContext } from '../../core/context.js';
import { normalizeWord } from '../../core/i18n/normalize.js';
import type { Reply } from '../../core/reply.js';
import { announcementsReply } from '../../views/announce/index.js';
import { defineCommand } from '../types.js';

type Asked = { kind: 'list' } | { kind: 'cancel'; id: string };

const CANCEL = new Set(['cancel', 'annuler', 'إلغاء', 'الغاء'].map(normalizeWord));

const askedArg = z.string().transform((raw, issues): Asked => {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'list' };
  const id = words[1]?.toUpperCase() ?? '';
  if (words.length === 2 && CANCEL.has(normalizeWord(words[0]!)) && ANNOUNCEMENT_ID.test(id)) return { kind: 'cancel', id };
  issues.addIssue({ code: 'custom', message: 'expected nothing, or cancel and an announcement id' });
  return z.NEVER;
});

/** The latest this many. */
const SHOWN = 15;

const cancelWord = (ctx: CommandContext) => `${announcements.aliases[ctx.lang][0]} ${ctx.t('announce.cancelWord')}`;

async function list(ctx: CommandContext, before: string[] = []): Promise<Reply> {
  const reply = announcementsReply(ctx, await ctx.core.store.announcements(SHOWN), cancelWord(ctx));
  return before.length > 0 ? { ...reply, blocks: [{ type: 'context', text: before }, ...reply.blocks] } : reply;
}

async function cancel(ctx: CommandContext, id: string): Promise<Reply> {
  const found = await ctx.core.store.announcement(id);
  if (!found) return list(ctx, [ctx.t('announce.notFound', { id })]);
  // Only before it goes: once it is going out, some have it already.
  if (found.status !== 'scheduled' || Date.parse(found.sendAt) <= ctx.now.toMillis()) return list(ctx, [ctx.t('announce.notCancellable', { id })]);
  const closed = await ctx.core.store.closeAnnouncement(id, 'cancelled', ctx.now.toUTC().toISO()!);
  return { ...(await list(ctx, [ctx.t(closed ? 'announce.cancelled' : 'announce.notCancellable', { id })])), replacesSource: true };
}

export const announcements = defineCommand({
  name: 'announcements',
  personal: true,
  admin: true,
  aliases: { en: ['announcements'], fr: ['annonces'], ar: ['الإعلانات', 'الاعلانات'] },
  args: () => askedArg,
  run: (ctx, asked: Asked): Promise<Reply> => (asked.kind === 'list' ? list(ctx) : cancel(ctx, asked.id)),
});
