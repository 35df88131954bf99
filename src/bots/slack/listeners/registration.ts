// The registration modal: opened at once with a loading view (a trigger_id lives 3 seconds), then updated
// with the form in the user's language; a submission is validated field by field, errors shown on the field.
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { submitRegistrationForm } from '../../../commands/registration-submit.js';
import { LANGS, type Lang } from '../../../core/lang.js';
import { log } from '../../../core/log.js';
import { answer, type SlackSurface } from '../context.js';
import { slackCaller } from '../inbound.js';
import { formModal, loadingModal, REGISTER_CALLBACK, resultModal, submittedValues } from '../modal.js';

export async function openRegistrationModal(surface: SlackSurface, client: WebClient, triggerId: string, who: { team?: string; user: string }, command: string, lang?: Lang): Promise<void> {
  const t = surface.dispatcher.core.i18n.t(lang ?? 'en');
  const opened = await client.views.open({ trigger_id: triggerId, view: loadingModal(t('form.title'), '…') });
  const viewId = opened.view?.id;
  const { reply } = await answer(surface, who, command, lang ? { lang } : {});
  const rt = surface.dispatcher.core.i18n.t(reply.lang);
  const view = reply.form ? formModal(reply.form, rt('buttons.cancel'), JSON.stringify({ lang: reply.lang })) : resultModal(rt('form.title'), reply, rt('buttons.cancel'));
  if (viewId) await client.views.update({ view_id: viewId, view });
}

export function registerRegistration(app: App, surface: SlackSurface): void {
  app.view(REGISTER_CALLBACK, async ({ ack, body, view }) => {
    let lang: Lang | undefined;
    try {
      const meta = JSON.parse(view.private_metadata || '{}') as { lang?: unknown };
      lang = LANGS.find((l) => l === meta.lang);
    } catch {
      /* no metadata: choose as usual */
    }
    const profile = await surface.profiles.get(body.user.id);
    const ctx = await surface.dispatcher.context(slackCaller(body.team?.id, body.user.id, profile), '', lang ? { lang } : {});
    const outcome = await submitRegistrationForm(ctx, submittedValues(view.state.values as never));
    if (!outcome.ok) {
      await ack({ response_action: 'errors', errors: outcome.errors as Record<string, string> });
      return;
    }
    log.info({ user: body.user.id }, 'registration submitted from the Slack modal');
    await ack({ response_action: 'update', view: resultModal(ctx.t('form.title'), outcome.reply, ctx.t('buttons.cancel')) });
  });
}
