// How a nomination is named in a reply: the person (name and email), the focal point by their platform id.
import type { Nomination } from '../../core/nominations/index.js';
import type { CommandContext } from '../../core/context.js';

/** "Amina Benali <amina@example.org>", or the email alone. */
export const nomineeName = (n: Pick<Nomination, 'email' | 'name'>): string => (n.name ? `${n.name} <${n.email}>` : n.email);

/** The focal point as the platform shows them: "U0123ABCD", "29:…" (the chat id without its platform prefix). */
export function focalPointId(id: string): string {
  const [platform = '', ...rest] = id.split(':');
  return platform === 'slack' ? rest[rest.length - 1] ?? id : rest.join(':');
}

export const regionName = (ctx: CommandContext, region: string): string => ctx.t(`form.choices.region.${region}`);
