// After a registration is durably saved: the confirmation the participant reads, and the notice organisers get
// when it needs their decision. Shared by the chat form, the Slack modal and the Teams card.
import type { Submitted } from '../core/forms/registration.js';
import type { Block, Button, Reply } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { claimNotice, organiserNotice, registrationBlocks } from '../views/registration.js';

type Saved = Extract<Submitted, { outcome: 'saved' }>;

export function confirmationReply(ctx: CommandContext, { registration: r, created }: Saved): Reply {
  const head = r.status === 'confirmed' ? 'confirmed' : r.status === 'pending' ? 'pending' : 'other';
  const buttons: Button[] = [
    { label: ctx.t('buttons.today'), command: 'today' },
    { label: ctx.t('buttons.myRegistration'), command: 'me' },
  ];
  if (ctx.core.publicUrl) buttons.push({ label: ctx.t('buttons.wholeAgenda'), url: `${ctx.core.publicUrl}/ics/ckex.ics?lang=${ctx.lang}` });
  const blocks: Block[] = [
    { type: 'header', text: ctx.t(`registration.done.${head}`) },
    { type: 'text', text: [ctx.t(created ? 'registration.created' : 'registration.updated', { id: r.id })] },
    ...registrationBlocks(ctx, r, { id: false }),
    { type: 'text', text: [ctx.t('registration.next', { command: ctx.t('registration.todayCommand') })] },
    { type: 'actions', buttons },
  ];
  if (!ctx.core.publicUrl) blocks.push({ type: 'context', text: [ctx.t('registration.calendarByCommand')] });
  return { lang: ctx.lang, blocks };
}

/** Tells the organisers' channel, without making the participant wait for it. */
function noticeOrganisers(ctx: CommandContext, submitted: Submitted): void {
  const channel = ctx.core.organisersChannel;
  if (!channel) return;
  const lang = ctx.core.content.event.workingLanguage;
  const organisers = { ...ctx, lang, t: ctx.core.i18n.t(lang), shared: true };
  if (submitted.outcome === 'taken') {
    void ctx.core.notifier.toChannel(channel, claimNotice(organisers, submitted.registration));
    return;
  }
  const r = submitted.registration;
  if (r.status !== 'pending' || submitted.previous === 'pending') return;
  void ctx.core.notifier.toChannel(channel, organiserNotice(organisers, r));
}

export function afterSubmit(ctx: CommandContext, submitted: Submitted): Reply {
  noticeOrganisers(ctx, submitted);
  // Neutral: the same words whoever owns the email, and nothing of the registration it belongs to.
  if (submitted.outcome === 'taken') return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('registration.emailTaken')] }] };
  return confirmationReply(ctx, submitted);
}
