// A session's title and description as a reader sees them: where an import found no translation of one, the original
// with a marker on that text alone (a translated title is not marked because its description is not).
import type { Session } from '../core/content/schema.js';
import type { CommandContext } from '../core/context.js';

type Ctx = Pick<CommandContext, 'lang' | 't'>;

export function shownTitle(ctx: Ctx, session: Session): string {
  const title = session.title[ctx.lang];
  if (!session.originalLanguage || !session.untranslated?.includes(ctx.lang)) return title;
  return ctx.t('untranslated.marker', { title, language: languageName(ctx, session) });
}

export function shownDescription(ctx: Ctx, session: Session): string {
  const text = session.description[ctx.lang];
  if (!session.originalLanguage || !session.untranslatedDescription?.includes(ctx.lang)) return text;
  return ctx.t('untranslated.description', { text, language: languageName(ctx, session) });
}

/** The language a session was written in, named in the reader's: the bot's own three from the locales, others from Intl. */
function languageName(ctx: Ctx, session: Session): string {
  if (!session.sourceLanguage) return ctx.t(`languages.${session.originalLanguage}`);
  const named = new Intl.DisplayNames([ctx.lang], { type: 'language', fallback: 'code' }).of(session.sourceLanguage) ?? session.sourceLanguage;
  // French names languages in lower case inside a sentence (« en allemand »); Intl may capitalise some.
  return ctx.lang === 'fr' ? named.toLocaleLowerCase('fr') : named;
}
