// The words feedback shows: a rating's label, a comment's language, a number in the reader's language, the day the
// form closes, and the commands it names in the reader's own words (« ne plus demander d’avis », «إيقاف التقييم»).
import type { TimedSession } from '../../core/agenda.js';
import type { CommandContext } from '../../core/context.js';
import { closesAt } from '../../core/feedback/index.js';
import type { Lang } from '../../core/lang.js';
import { commandPhrase } from '../command-phrases.js';
import { dayName } from '../times.js';

type Ctx = Pick<CommandContext, 't' | 'lang'>;

export const ratingLabel = (ctx: Ctx, rating: number | string): string => `${rating} · ${ctx.t(`feedback.ratings.${rating}`)}`;

/** "(in French)": the language a comment is written in, as the live questions tag theirs. */
export const writtenIn = (ctx: Ctx, lang: Lang): string => ctx.t(`live.writtenIn.${lang}`);

/** A run that keeps its own direction inside a line of the other (an English comment in an Arabic card). */
export const ownDirection = (text: string): string => `\u2068${text}\u2069`;
/** A run read left to right whatever the line ("4.5 / 5", "2 · 33%" in Arabic). */
export const leftToRight = (text: string): string => `\u2066${text}\u2069`;

/** 4.5 as the reader writes it (4,5 in French), Latin digits everywhere. */
export const decimal = (lang: Lang, n: number): string => new Intl.NumberFormat(`${lang}-u-nu-latn`, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);

export const percent = (lang: Lang, share: number): string => new Intl.NumberFormat(`${lang}-u-nu-latn`, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** The day the form closes, in the reader's zone. */
export const untilDay = (ctx: CommandContext, timed: TimedSession): string => dayName(ctx, closesAt(timed).setZone(ctx.zone).toISODate()!);

/** The words of a feedback command in the reader's language: the natural phrase where there is one. */
export function feedbackWords(ctx: Ctx, command: 'feedback off' | 'feedback on' | `feedback ${string}`): string {
  if (ctx.lang === 'en') return command;
  const phrase = commandPhrase(command, ctx.lang);
  if (phrase) return phrase;
  const head = ctx.lang === 'fr' ? 'avis' : 'تقييم';
  const tail: Record<string, Record<'fr' | 'ar', string>> = { on: { fr: 'oui', ar: 'تشغيل' }, off: { fr: 'non', ar: 'إيقاف' } };
  return [head, ...command.split(' ').slice(1).map((w) => tail[w]?.[ctx.lang as 'fr' | 'ar'] ?? w)].join(' ');
}
