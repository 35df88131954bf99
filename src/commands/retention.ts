// retention (organisers): when personal data will be erased, what that erases today, and how abandoned forms expire.
import { formatDay, formatNumber } from '../core/i18n/format.js';
import type { Reply } from '../core/reply.js';
import { FORM_EXPIRY_DAYS, retentionPlan } from '../core/retention/index.js';
import { none } from './args.js';
import { defineCommand } from './types.js';

export const retention = defineCommand({
  name: 'retention',
  admin: true,
  aliases: { en: ['retention'], fr: ['conservation'], ar: ['الاحتفاظ'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => {
    const plan = retentionPlan(ctx.core, ctx.now);
    const counts = await ctx.core.store.personalDataCounts();
    const n = (x: number) => formatNumber(x, ctx.lang);
    const day = formatDay(plan.purgeAt.setZone(ctx.zone), ctx.lang);
    return {
      lang: ctx.lang,
      blocks: [
        { type: 'header', text: ctx.t('retention.header') },
        { type: 'text', text: [ctx.t(plan.due ? 'retention.past' : 'retention.when', { day, days: ctx.core.retentionDays })] },
        {
          type: 'fields',
          fields: [
            { label: ctx.t('retention.registrations'), value: [n(counts.registrations)] },
            { label: ctx.t('retention.invites'), value: [n(counts.invites)] },
            { label: ctx.t('retention.forms'), value: [n(counts.forms)] },
            { label: ctx.t('retention.conversations'), value: [n(counts.conversations)] },
            { label: ctx.t('nominations.retentionLabel'), value: [n(counts.nominations)] },
            { label: ctx.t('feedback.retentionLabel'), value: [n(counts.feedback)] },
            { label: ctx.t('announce.retentionLabel'), value: [n(counts.announcements)] },
          ],
        },
        { type: 'context', text: [ctx.t('retention.formsExpire', { days: FORM_EXPIRY_DAYS })] },
        { type: 'context', text: [ctx.t('retention.kept')] },
      ],
    };
  },
});
