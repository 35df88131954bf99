// How an announcement is named in a reply: its audience, its time in the reader's zone.
import { DateTime } from 'luxon';
import type { CommandContext } from '../../core/context.js';
import type { Audience } from '../../core/announcements/index.js';
import { formatDay, formatTime, zoneLabel } from '../../core/i18n/format.js';

export function audienceName(ctx: CommandContext, audience: Audience): string {
  switch (audience.kind) {
    case 'region':
      return ctx.t('announce.audiences.region', { region: ctx.t(`form.choices.region.${audience.region}`) });
    case 'interpretation':
      return ctx.t('announce.audiences.interpretation', { language: ctx.t(`form.choices.interpretation.${audience.language}`) });
    case 'starred':
      return ctx.t('announce.audiences.starred', { session: audience.session });
    default:
      return ctx.t(`announce.audiences.${audience.kind}`);
  }
}

/** "Thursday 6 May, 09:00 (Washington time)": in the reader's zone. */
export function whenName(ctx: CommandContext, iso: string): string {
  const at = DateTime.fromISO(iso).setZone(ctx.zone);
  return `${formatDay(at, ctx.lang)}, ${formatTime(at)} (${zoneLabel(at, ctx.lang)})`;
}
