// Private files in a reply, made reachable on chat platforms: expiring download buttons, localised.
import type { BotCore } from './bot-core.js';
import { withDownloadLinks } from './downloads.js';
import type { Reply } from './reply.js';

export function withFileLinks(core: BotCore, reply: Reply): Reply {
  const t = core.i18n.t(reply.lang);
  return withDownloadLinks(reply, core.downloads, (name) => t('buttons.download', { name }), t('errors.filesUnavailable'));
}
