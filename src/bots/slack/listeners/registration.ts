// The registration modal: opened at once with a loading view (a trigger_id lives 3 seconds), then updated
// with the form in the user's language; a submission is validated field by field, errors shown on the field.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { submitOneScreenForm } from '../../../commands/one-screen-form.js';
import { LANGS, type Lang } from '../../../core/lang.js';
import { log } from '../../../core/log.js';
import { StoreUnavailableError } from '../../../core/store/errors.js';
import { within } from '../../../core/within.js';
import { AckDeadline } from '../ack-budget.js';
import { answer, type SlackSurface } from '../context.js';
import { slackCaller } from '../inbound.js';
import { PROFILE_TIMEOUT_MS } from '../profiles.js';
import { formModal, loadingModal, REGISTER_CALLBACK, resultModal, submittedValues } from '../modal.js';

export async function openRegistrationModal(surface: SlackSurface, client: WebClient, triggerId: string, who: { team?: string; user: string }, command: string, lang?: Lang): Promise<void> {
  const t = surface.dispatcher.core.i18n.t(lang ?? 'en');
  const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(t('form.title'), '…') });
  const viewId = opened.view?.id;
  const { reply } = await answer(surface, who, command, lang ? { lang } : {});
  const rt = surface.dispatcher.core.i18n.t(reply.lang);
  // The form and what it is about travel with the modal, so its submission goes to the right form.
  const metadata = reply.form ? JSON.stringify({ lang: reply.lang, form: reply.form.id, ...(reply.form.subject ? { subject: reply.form.subject } : {}) }) : '';
  const view = reply.form ? formModal(reply.form, rt('buttons.cancel'), metadata) : resultModal(rt('form.title'), reply, rt('buttons.cancel'));
  if (viewId) await client.views.update({ view_id: viewId, view });
}

export function registerRegistration(app: App, surface: SlackSurface): void {
  app.view(REGISTER_CALLBACK, async ({ ack, body, view, client, context }) => {
    const deadline = new AckDeadline(surface.ackBudgetMs, context);
    let lang: Lang | undefined;
    let form: 'registration' | 'feedback' = 'registration';
    let subject: string | undefined;
    try {
      const meta = JSON.parse(view.private_metadata || '{}') as { lang?: unknown; form?: unknown; subject?: unknown };
      lang = LANGS.find((l) => l === meta.lang);
      if (meta.form === 'feedback') form = 'feedback';
      if (typeof meta.subject === 'string' && meta.subject.length <= 80) subject = meta.subject;
    } catch {
      /* no metadata: choose as usual */
    }
    const title = (t: (key: string) => string) => t(form === 'feedback' ? 'feedback.formTitle' : 'form.title');
    const work = (async () => {
      const profile = await surface.profiles.get(body.user.id, deadline.profileWait(PROFILE_TIMEOUT_MS));
      const ctx = await surface.dispatcher.context(slackCaller(body.team?.id, body.user.id, profile), '', lang ? { lang } : {});
      return { ctx, outcome: await submitOneScreenForm(ctx, form, subject, submittedValues(view.state.values as never)) };
    })();
    const ready = await within(work, deadline.remaining());
    if (ready) {
      const { ctx, outcome } = ready;
      if (!outcome.ok) return void (await ack({ response_action: 'errors', errors: outcome.errors as Record<string, string> }));
      log.info({ form }, 'form submitted from the Slack modal');
      return void (await ack({ response_action: 'update', view: resultModal(title(ctx.t), outcome.reply, ctx.t('buttons.cancel')) }));
    }
    // Not ready by the deadline (a slow store): the modal says so at once, and shows the outcome when it comes.
    const t = surface.dispatcher.core.i18n.t(lang ?? 'en');
    await ack({ response_action: 'update', view: loadingModal(title(t), t('ack.working')) });
    const done = await work.catch((err: unknown) => {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return undefined; // never confirm what was not written
    });
    if (!done) return void (await client.views.update({ view_id: body.view.id, view: loadingModal(title(t), t('errors.notSaved')) }));
    const { ctx, outcome } = done;
    const close = ctx.t('buttons.cancel');
    if (outcome.ok) log.info({ form }, 'form submitted from the Slack modal');
    const next = outcome.ok ? resultModal(title(ctx.t), outcome.reply, close) : formModal(outcome.view, close, JSON.stringify({ lang: ctx.lang, form, ...(subject ? { subject } : {}) }));
    await client.views.update({ view_id: body.view.id, view: next });
  });
}
