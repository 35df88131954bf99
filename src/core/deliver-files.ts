// Private files in a reply, made reachable on chat platforms: expiring download buttons, localised.
import type { BotCore } from './bot-core.js';
import { withDownloadLinks } from './downloads.js';
import type { Reply } from './reply.js';

/** Links belong to the user they were made for: `me delete` withdraws them. */
export function withFileLinks(core: BotCore, reply: Reply, owner: string): Promise<Reply> {
  const t = core.i18n.t(reply.lang);
  return withDownloadLinks(reply, core.downloads, owner, (name) => t('buttons.download', { name }), t('errors.filesUnavailable'));
}
