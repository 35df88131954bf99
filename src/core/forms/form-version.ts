// A form's answers are saved over the version the message read: when two quick messages of one user land on two
// instances, the second finds the version moved, and its message is read again over the form as it now stands.
import { NO_FORM } from '../store/async-store.js';
import type { CommandContext } from '../context.js';
import type { FormProgress } from '../store/records.js';

export class FormMoved extends Error {
  constructor() {
    super('the form changed while this message was read');
  }
}

/** Saves over the version this message read, and remembers the new one for the next save of the same message. */
export async function saveFormOver(ctx: CommandContext, progress: FormProgress): Promise<void> {
  const result = await ctx.core.store.saveForm(ctx.caller.id, progress, ctx.form?.version ?? NO_FORM);
  if (!result.saved) throw new FormMoved();
  ctx.form = { progress, version: result.version };
}
