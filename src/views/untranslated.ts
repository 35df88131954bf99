// A session title as a reader sees it: where an import found no translation, the original with a marker saying so.
import type { Session } from '../core/content/schema.js';
import type { CommandContext } from '../core/context.js';

export function shownTitle(ctx: Pick<CommandContext, 'lang' | 't'>, session: Session): string {
  const title = session.title[ctx.lang];
  if (!session.originalLanguage || !session.untranslated?.includes(ctx.lang)) return title;
  return ctx.t('untranslated.marker', { title, language: languageName(ctx, session) });
}

/** The language a session was written in, named in the reader's: the bot's own three from the locales, others from Intl. */
function languageName(ctx: Pick<CommandContext, 'lang' | 't'>, session: Session): string {
  if (!session.sourceLanguage) return ctx.t(`languages.${session.originalLanguage}`);
  const named = new Intl.DisplayNames([ctx.lang], { type: 'language', fallback: 'code' }).of(session.sourceLanguage) ?? session.sourceLanguage;
  // French names languages in lower case inside a sentence (« en allemand »); Intl may capitalise some.
  return ctx.lang === 'fr' ? named.toLocaleLowerCase('fr') : named;
}
