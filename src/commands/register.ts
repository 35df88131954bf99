// register: start, resume or restart the conversational form; `register form` for the one-screen form.
// Outside a direct conversation (a channel, a slash command) it offers the one-screen form.
import type { Reply } from '../core/reply.js';
import { words } from './args.js';
import { normalizeWord } from '../core/i18n/normalize.js';
import { FIELDS } from '../core/forms/fields.js';
import { saveFormOver } from '../core/forms/form-version.js';
import { newProgress, questionReply } from './registration-form.js';
import { formValues, registrationFormView } from './registration-submit.js';
import { askYesNo } from './pending.js';
import { defineCommand } from './types.js';
import type { CommandContext } from '../core/context.js';
import { withoutLegacyRegion } from './region-step.js';
import { registrationAnswers } from '../views/registration.js';
import { dayName } from '../views/times.js';
import { eventOver } from '../core/event-over.js';
import { registrationClosedReply } from '../views/registration-closed.js';

const WORDS: Record<string, 'form' | 'resume' | 'restart'> = {
  form: 'form', card: 'form', modal: 'form', formulaire: 'form', استمارة: 'form', باستمارة: 'form', نموذج: 'form',
  resume: 'resume', continue: 'resume', reprendre: 'resume', continuer: 'resume', متابعة: 'resume', استئناف: 'resume',
  restart: 'restart', recommencer: 'restart', 'من جديد': 'restart', جديد: 'restart',
};
/** Keyed as typed words are compared: "استمارة" and "استماره" are one word. */
const SUBCOMMANDS = new Map(Object.entries(WORDS).map(([word, sub]) => [normalizeWord(word), sub]));

async function formReply(ctx: CommandContext): Promise<Reply> {
  const [latest] = await ctx.core.store.registrationsOf(ctx.caller.id);
  const values = latest ? formValues(ctx, withoutLegacyRegion(registrationAnswers(latest))) : {};
  return { lang: ctx.lang, form: registrationFormView(ctx, values), blocks: [{ type: 'text', text: [ctx.t('form.formFallback')] }] };
}

async function start(ctx: CommandContext): Promise<Reply> {
  const [latest] = await ctx.core.store.registrationsOf(ctx.caller.id);
  const progress = newProgress(ctx, latest ? withoutLegacyRegion(registrationAnswers(latest)) : {});
  await saveFormOver(ctx, progress);
  const intro = !latest ? ctx.t('form.intro', { total: FIELDS.length }) : latest.status === 'withdrawn' ? ctx.t('form.withdrawnIntro', { id: latest.id }) : ctx.t('form.updateIntro', { id: latest.id });
  return questionReply(ctx, progress, [
    { type: 'text', text: [intro] },
    { type: 'actions', buttons: [{ label: ctx.t('buttons.oneScreenForm'), command: 'register form' }] },
  ]);
}

export const register = defineCommand({
  name: 'register',
  aliases: { en: ['register', 'registration', 'signup'], fr: ['inscription', 'inscrire', "s'inscrire"], ar: ['تسجيل', 'سجلني', 'التسجيل'] },
  args: () => words,
  run: async (ctx, arg: string): Promise<Reply> => {
    if (eventOver(ctx.core, ctx.now)) {
      // Closed: a form begun before the end goes too, as retention would take it.
      if (ctx.form?.progress) await ctx.core.store.dropForm(ctx.caller.id);
      return registrationClosedReply(ctx);
    }
    const sub = SUBCOMMANDS.get(normalizeWord(arg.trim()));
    if (sub === 'form' || !ctx.conversational) return formReply(ctx);
    // Another form under way (feedback, an announcement being written) is not a registration to resume: one takes its place.
    const progress = (ctx.form?.progress.kind ?? 'registration') === 'registration' ? ctx.form?.progress : undefined;
    if (sub === 'restart' || !progress) return start(ctx);
    if (sub === 'resume') {
      // Touched, so that a form left for days captures the next answers again.
      const resumed = { ...progress, updatedAt: ctx.now.toUTC().toISO()! };
      await saveFormOver(ctx, resumed);
      return questionReply(ctx, resumed);
    }
    await askYesNo(ctx, 'register resume');
    return {
      lang: ctx.lang,
      blocks: [
        { type: 'text', text: [ctx.t('form.resumeOffer', { day: dayName(ctx, progress.updatedAt.slice(0, 10)) })] },
        { type: 'actions', buttons: [{ label: ctx.t('buttons.resume'), command: 'register resume', style: 'primary' }, { label: ctx.t('buttons.restart'), command: 'register restart' }] },
      ],
    };
  },
});
