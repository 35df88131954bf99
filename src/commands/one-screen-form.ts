// A one-screen form's submission (Slack modal, Teams card), whichever form it is: registration, or feedback on the
// session it names. Surfaces hand the values here; each form validates with its own definition.
import type { CommandContext } from '../core/context.js';
import type { FormView, Reply } from '../core/reply.js';
import { submitFeedbackForm } from './feedback/index.js';
import { submitRegistrationForm } from './registration-submit.js';

export type FormId = FormView['id'];
export type OneScreenOutcome = { ok: true; reply: Reply } | { ok: false; errors: Record<string, string>; view: FormView };

export async function submitOneScreenForm(ctx: CommandContext, form: FormId, subject: string | undefined, raw: Record<string, string | undefined>): Promise<OneScreenOutcome> {
  const outcome = form === 'feedback' ? await submitFeedbackForm(ctx, subject, raw) : await submitRegistrationForm(ctx, raw);
  return outcome.ok ? outcome : { ok: false, errors: outcome.errors as Record<string, string>, view: outcome.view };
}
