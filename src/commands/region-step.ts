// The region question of the conversational form. It proposes the region of the country given earlier ("Your World
// Bank region is Eastern and Southern Africa (AFE)…"): yes takes it; another region is recorded only after a second
// yes, since staff based in one region may work on another but Ghana with MENA is usually a slip. A country outside
// the Bank's operational regions (United States, France) gets the list of regions to choose from.
import { LANGS } from '../core/lang.js';
import { countryName } from '../core/forms/countries.js';
import { normalizeWord } from '../core/i18n/normalize.js';
import { fieldById, type Answers, type FieldId } from '../core/forms/fields.js';
import { AFRICA_BEFORE_SPLIT, type Region } from '../core/choices.js';
import { isNo, isYes, validateField } from '../core/forms/validate.js';
import type { Button } from '../core/reply.js';
import type { FormProgress } from '../core/store/records.js';
import type { CommandContext } from '../core/context.js';

const REGION_FIELD = fieldById('region')!;

const proposedRegion = (ctx: CommandContext, answers: Answers): Region | undefined => (answers.country ? ctx.core.content.regions.regionOf(answers.country) : undefined);

export interface RegionQuestion {
  prompt: string;
  help: string;
  /** Takes the region proposed, or the other region waiting for a yes. */
  yes?: Button;
}

export function regionQuestion(ctx: CommandContext, progress: FormProgress): RegionQuestion {
  const country = progress.answers.country;
  const proposed = proposedRegion(ctx, progress.answers);
  const label = (r: Region) => ctx.t(`form.choices.region.${r}`);
  const yes = (r: Region): Button => ({ label: ctx.t('form.regions.yes', { code: r }), command: 'yes', style: 'primary' });
  if (!country) return { prompt: ctx.t('form.fields.region.prompt'), help: ctx.t('form.fields.region.help') };
  const name = countryName(country, ctx.lang);
  if (!proposed) return { prompt: ctx.t('form.regions.noRegion', { country: name }), help: ctx.t('form.fields.region.help') };
  const other = progress.regionToConfirm;
  if (other && other !== proposed) {
    return { prompt: ctx.t('form.regions.confirmOther', { country: name, proposed: label(proposed), chosen: label(other) }), help: ctx.t('form.fields.region.help'), yes: yes(other) };
  }
  return { prompt: ctx.t('form.regions.proposed', { country: name, region: label(proposed) }), help: ctx.t('form.regions.proposedHelp'), yes: yes(proposed) };
}

/** Whether the words typed are part of the region's name in any of the three languages. */
function namesRegion(ctx: CommandContext, region: Region, raw: string): boolean {
  const typed = normalizeWord(raw.trim());
  if (typed.length < 3) return false;
  return LANGS.some((l) => normalizeWord(ctx.core.i18n.t(l)(`form.choices.region.${region}`)).includes(typed));
}

/** An answer to the region question: a region to record, or the question again (with what changed, and why). */
export type RegionStep = { kind: 'answer'; region: Region } | { kind: 'ask'; progress: FormProgress; notice?: string };

export function readRegionAnswer(ctx: CommandContext, progress: FormProgress, raw: string): RegionStep {
  const { regionToConfirm: other, ...rest } = progress;
  const proposed = proposedRegion(ctx, progress.answers);
  if (isYes(raw, ctx.core.reader)) {
    const region = other ?? proposed;
    return region ? { kind: 'answer', region } : { kind: 'ask', progress: rest, notice: ctx.t('form.errors.choice') };
  }
  if (isNo(raw, ctx.core.reader)) return { kind: 'ask', progress: rest, notice: ctx.t('form.regions.which') };
  const result = validateField(REGION_FIELD, raw, ctx.core.i18n);
  // "Africa" names both AFE and AFW: the one the country is in is what was meant.
  if (!result.ok && proposed && namesRegion(ctx, proposed, raw)) return { kind: 'answer', region: proposed };
  if (!result.ok) return { kind: 'ask', progress, notice: ctx.t(`form.errors.${result.error}`) };
  const chosen = result.value as Region;
  // The country's own region, any region for a country without one, or the other region named again: recorded.
  if (!proposed || chosen === proposed || chosen === other) return { kind: 'answer', region: chosen };
  return { kind: 'ask', progress: { ...rest, regionToConfirm: chosen } };
}

/**
 * The answers with one more. A new country keeps the region only if it is the new country's: otherwise the region
 * is asked again (proposing the new country's), since it was proposed or confirmed for the previous one.
 */
export function withAnswer(ctx: CommandContext, answers: Answers, id: FieldId, value: string): Answers {
  const next: Answers = { ...answers, [id]: value };
  if (id === 'country' && answers.region !== undefined && answers.country !== value && answers.region !== ctx.core.content.regions.regionOf(value)) delete next.region;
  return next;
}

/** Saved answers to prefill a form with: a region from before the Africa split (AFR) is asked again. */
export function withoutLegacyRegion(answers: Answers): Answers {
  if (answers.region !== AFRICA_BEFORE_SPLIT) return answers;
  const { region: _old, ...rest } = answers;
  return rest;
}
