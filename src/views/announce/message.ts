// The announcement as one recipient reads it: in their language, or in English with the marker that says it is
// not translated yet (the marker the agenda's untranslated titles use).
import type { CommandContext } from '../../core/context.js';
import type { Announcement } from '../../core/announcements/index.js';
import type { Reply } from '../../core/reply.js';

type Texts = Announcement['text'];

export function announcementMessage(ctx: Pick<CommandContext, 'lang' | 't'>, text: Texts): Reply {
  const own = text[ctx.lang];
  const header = own ? ctx.t('announce.header') : ctx.t('untranslated.marker', { title: ctx.t('announce.header'), language: ctx.t('languages.en') });
  return { lang: ctx.lang, blocks: [{ type: 'header', text: header }, { type: 'text', text: [own ?? text.en] }] };
}
