// nominations [region] (the core team): the nominations waiting; nominations accept|decline <id>: decides one
// once (two organisers at once decide it once). Accepting invites the email and confirms a pending registration
// the platform vouched; the focal point is told in their language.
import { z } from 'zod';
import { REGIONS, type Region } from '../../core/choices.js';
import type { CommandContext } from '../../core/context.js';
import { normalizeWord } from '../../core/i18n/normalize.js';
import { NOMINATION_ID, type Nomination } from '../../core/nominations/index.js';
import type { Reply } from '../../core/reply.js';
import { decisionNotice, nomineeName, reviewReply } from '../../views/nominations/index.js';
import { confirmInvited } from '../invited.js';
import { defineCommand } from '../types.js';

type Asked = { kind: 'list'; region?: Region } | { kind: 'unknownRegion'; given: string } | { kind: 'decide'; to: 'accepted' | 'declined'; id: string; fromList: boolean };

const VERBS: Record<string, 'accepted' | 'declined'> = Object.fromEntries(
  ([['accept', 'accepted'], ['accepter', 'accepted'], ['قبول', 'accepted'], ['decline', 'declined'], ['refuser', 'declined'], ['رفض', 'declined']] as const).map(([w, to]) => [normalizeWord(w), to]),
);
const LIST_WORDS = new Set(['list', 'liste', 'قائمة'].map(normalizeWord));

const askedArg = z.string().transform((raw, issues): Asked => {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'list' };
  const to = VERBS[normalizeWord(words[0]!)];
  const id = words[1]?.toUpperCase() ?? '';
  if (to && NOMINATION_ID.test(id) && words.length <= 3 && (words.length < 3 || LIST_WORDS.has(normalizeWord(words[2]!)))) return { kind: 'decide', to, id, fromList: words.length === 3 };
  if (words.length === 1 && !to) {
    const code = words[0]!.toUpperCase();
    return (REGIONS as readonly string[]).includes(code) ? { kind: 'list', region: code as Region } : { kind: 'unknownRegion', given: words[0]! };
  }
  issues.addIssue({ code: 'custom', message: 'expected a region, or accept or decline and a nomination id' });
  return z.NEVER;
});

/** At most this many waiting nominations in one reply (each with its two buttons). */
const SHOWN = 15;

async function list(ctx: CommandContext, region?: Region): Promise<Reply> {
  const [waiting, total] = await Promise.all([ctx.core.store.nominationsWithStatus('pending', SHOWN, region), ctx.core.store.nominationCount('pending', region)]);
  return reviewReply(ctx, waiting, total, region);
}

/** Tells the focal point, in the language they chose or nominated in; whether they were reached. */
async function tellFocalPoint(ctx: CommandContext, n: Nomination): Promise<boolean> {
  const lang = (await ctx.core.store.user(n.focalPoint))?.lang ?? n.lang;
  const theirs = { ...ctx, lang, t: ctx.core.i18n.t(lang), shared: false };
  return (await ctx.core.notifier.toUser(n.focalPoint, decisionNotice(theirs, n))) === 'sent';
}

async function decide(ctx: CommandContext, asked: Extract<Asked, { kind: 'decide' }>): Promise<Reply> {
  const found = await ctx.core.store.nomination(asked.id);
  const lines: string[] = [];
  if (!found) lines.push(ctx.t('nominations.notFound', { id: asked.id }));
  else {
    const decided = await ctx.core.store.decideNomination(asked.id, asked.to, ctx.caller.id, ctx.now.toUTC().toISO()!);
    if (!decided) {
      const now = (await ctx.core.store.nomination(asked.id)) ?? found;
      lines.push(ctx.t('nominations.alreadyDecided', { id: asked.id, status: ctx.t(`nominations.statuses.${now.status}`) }));
    } else {
      const told = await tellFocalPoint(ctx, decided);
      const who = nomineeName(decided);
      lines.push(ctx.t(`nominations.${decided.status}${told ? 'Told' : 'NotTold'}`, { id: decided.id, who }));
      if (decided.status === 'accepted') {
        const { confirmed } = await confirmInvited(ctx, [decided.email]);
        if (confirmed.length > 0) lines.push(ctx.t('nominations.registrationConfirmed', { id: confirmed.join(', ') }));
      }
    }
  }
  if (!asked.fromList) return { lang: ctx.lang, blocks: lines.map((l) => ({ type: 'text' as const, text: [l] })) };
  const now = await list(ctx);
  return { lang: ctx.lang, replacesSource: true, blocks: [{ type: 'context', text: lines }, ...now.blocks] };
}

export const nominations = defineCommand({
  name: 'nominations',
  personal: true,
  admin: true,
  aliases: { en: ['nominations'], fr: ['propositions'], ar: ['الترشيحات'] },
  args: () => askedArg,
  run: (ctx, asked: Asked): Promise<Reply> | Reply => {
    if (asked.kind === 'unknownRegion') return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('nominations.unknownRegion', { given: asked.given, regions: REGIONS.join(', ') })] }] };
    return asked.kind === 'list' ? list(ctx, asked.region) : decide(ctx, asked);
  },
});
