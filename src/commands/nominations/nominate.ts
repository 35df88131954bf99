// nominate <email> [name], several at once (commas, semicolons or lines), optionally after the region's code:
// a regional focal point proposes people for their own region. Anything wrong is named and nothing is recorded.
import { z } from 'zod';
import { REGIONS } from '../../core/choices.js';
import type { CommandContext } from '../../core/context.js';
import { focalRegionOf, parseEntries, recordNominations } from '../../core/nominations/index.js';
import type { Reply } from '../../core/reply.js';
import { regionName } from '../../views/nominations/index.js';
import { defineCommand } from '../types.js';

const text = (ctx: CommandContext, ...lines: string[]): Reply => ({ lang: ctx.lang, blocks: lines.map((s) => ({ type: 'text' as const, text: [s] })) });

/** The command as the reader types it, with what follows it. */
export const usageOf = (ctx: CommandContext, spec: { name: string; aliases: Record<string, string[]> }): string => `${spec.aliases[ctx.lang]![0]} ${ctx.t(`commands.${spec.name}.usage`)}`.trim();

/** The focal point's region, or undefined for anyone else. */
export const focalRegion = (ctx: CommandContext) => focalRegionOf(ctx.core.focalPoints, ctx.caller.id, ctx.caller.adminIds ?? []);

export const nominate = defineCommand({
  name: 'nominate',
  personal: true,
  shownTo: (ctx) => focalRegion(ctx) !== undefined,
  aliases: { en: ['nominate'], fr: ['proposer'], ar: ['ترشيح', 'رشح'] },
  args: () => z.string().transform((s) => s.trim()),
  run: async (ctx, given: string): Promise<Reply> => {
    const region = focalRegion(ctx);
    if (!region) return text(ctx, ctx.t('nominations.notFocalPoint'));
    const usage = usageOf(ctx, nominate);
    if (given === '') return text(ctx, ctx.t('nominations.nominateHelp', { region: regionName(ctx, region), usage }));
    const parsed = parseEntries(given);
    if (!parsed.ok && parsed.reason === 'unknownRegion') return text(ctx, ctx.t('nominations.unknownRegion', { given: parsed.given, regions: REGIONS.join(', ') }));
    if (!parsed.ok) return text(ctx, ctx.t('nominations.notEntries', { entries: parsed.bad.slice(0, 10).join(' / '), usage }));
    if (parsed.region && parsed.region !== region) return text(ctx, ctx.t('nominations.otherRegion', { mine: regionName(ctx, region), given: regionName(ctx, parsed.region) }));
    const { added, already } = await recordNominations(ctx.core.store, { id: ctx.caller.id, region, lang: ctx.lang }, parsed.entries, ctx.now.toUTC().toISO()!);
    const lines = added.length > 0 ? [ctx.t('nominations.added', { count: added.length, region: regionName(ctx, region) })] : [];
    if (already.length > 0) lines.push(ctx.t('nominations.already', { count: already.length, emails: already.join(', ') }));
    return text(ctx, ...lines);
  },
});
