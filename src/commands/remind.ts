// remind <minutes>|off: how long before each starred session its reminder comes, or none.
import { z } from 'zod';
import { DEFAULT_REMIND_MINUTES, remindMinutesOf } from '../core/reminders.js';
import { normalizeWord } from '../core/i18n/normalize.js';
import type { Reply } from '../core/reply.js';
import { defineCommand } from './types.js';

const OFF = new Set(['off', 'no', 'none', 'stop', 'non', 'aucun', 'désactiver', 'desactiver', 'arrêt', 'arret', 'إيقاف', 'ايقاف', 'لا', 'أوقف', 'اوقف'].map(normalizeWord));
const ON = new Set(['on', 'yes', 'oui', 'activer', 'نعم', 'تشغيل'].map(normalizeWord));

/** Minutes (1 to 1440), a word for off (0) or on (the default), or nothing to see the setting. */
const remindArg = () =>
  z
    .string()
    .trim()
    .transform((raw, issues) => {
      const word = normalizeWord(raw.replace(/\s*(min|mins|minutes?|دقيقة|دقائق)\.?$/iu, ''));
      if (word === '') return undefined;
      if (OFF.has(word)) return 0;
      if (ON.has(word)) return DEFAULT_REMIND_MINUTES;
      const n = Number(word);
      if (Number.isInteger(n) && n >= 1 && n <= 1440) return n;
      issues.addIssue({ code: 'custom', message: 'expected minutes from 1 to 1440, or off' });
      return z.NEVER;
    });

export const remind = defineCommand({
  name: 'remind',
  aliases: { en: ['remind', 'reminders', 'reminder'], fr: ['rappel', 'rappels'], ar: ['تذكير', 'ذكرني', 'التذكير'] },
  args: remindArg,
  run: async (ctx, minutes: number | undefined): Promise<Reply> => {
    if (minutes !== undefined) await ctx.core.store.updateUser(ctx.caller.id, { remindMinutes: minutes });
    const now = minutes ?? remindMinutesOf(ctx.prefs);
    const key = now === 0 ? 'remind.off' : minutes === undefined ? 'remind.current' : 'remind.set';
    return {
      lang: ctx.lang,
      personal: true,
      blocks: [
        { type: 'text', text: [ctx.t(key, { count: now })] },
        { type: 'actions', buttons: [{ label: ctx.t('buttons.myAgenda'), command: 'myagenda' }, now === 0 ? { label: ctx.t('buttons.remindOn'), command: 'remind 10' } : { label: ctx.t('buttons.remindOff'), command: 'remind off' }] },
      ],
    };
  },
});
