// What an invitation does to registrations already made (by `invites` and by an accepted nomination): a pending
// registration of an invited email is confirmed at once, and its people told, only where the platform vouched the
// registrant owns the email (anyone can type someone else's); the others stay for approval.
import { setStatus } from '../core/forms/registration.js';
import type { CommandContext } from '../core/context.js';
import type { Registration } from '../core/store/records.js';
import { statusNotice } from '../views/registration.js';

/** Tells the people of a registration its new status, in the registration's language; whether anyone was reached. */
export async function tellParticipant(ctx: CommandContext, r: Registration): Promise<boolean> {
  const participant = { ...ctx, lang: r.lang, t: ctx.core.i18n.t(r.lang), shared: false };
  return (await Promise.all(r.userIds.map((u) => ctx.core.notifier.toUser(u, statusNotice(participant, r))))).some((result) => result === 'sent');
}

/** The ids of the registrations these newly invited emails confirmed, and how many stay pending unvouched. */
export async function confirmInvited(ctx: CommandContext, emails: readonly string[]): Promise<{ confirmed: string[]; unverified: number }> {
  const confirmed: string[] = [];
  let unverified = 0;
  for (const email of emails) {
    const r = await ctx.core.store.registrationByEmail(email);
    if (r?.status !== 'pending') continue;
    if (!r.emailVerified) {
      unverified++;
      continue;
    }
    const updated = await setStatus(ctx.core.store, r, 'confirmed', ctx.now.toUTC().toISO()!, { invited: true });
    if (!updated) continue; // decided meanwhile, elsewhere
    await tellParticipant(ctx, updated);
    confirmed.push(updated.id);
  }
  return { confirmed, unverified };
}
