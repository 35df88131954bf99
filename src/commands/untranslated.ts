// A session title as a reader sees it: where an import found no translation, the original with a marker saying so.
import type { Session } from '../core/content/schema.js';
import type { CommandContext } from './types.js';

export function shownTitle(ctx: Pick<CommandContext, 'lang' | 't'>, session: Session): string {
  const title = session.title[ctx.lang];
  if (!session.originalLanguage || !session.untranslated?.includes(ctx.lang)) return title;
  return ctx.t('untranslated.marker', { title, language: ctx.t(`languages.${session.originalLanguage}`) });
}
