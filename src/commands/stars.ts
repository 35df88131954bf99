// star <id> and unstar <id>: sessions added to and removed from my agenda. Reminders and the personal calendar
// follow what is starred at the moment they are made, so an unstarred session is never reminded.
import { capitalise } from '../core/i18n/format.js';
import type { TimedSession } from '../core/agenda.js';
import { remindMinutesOf } from '../core/reminders.js';
import { PUNCTUATION } from '../core/i18n/punctuation.js';
import type { Reply } from '../core/reply.js';
import { TooManyStarsError } from '../core/store/errors.js';
import { sessionIdArg } from './session-id.js';
import { defineCommand } from './types.js';
import type { CommandContext } from '../core/context.js';
import { shownTitle } from '../views/untranslated.js';
import { dayName, localDate, sessionSpan } from '../views/times.js';

const notFound = (ctx: CommandContext, id: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('session.notFound', { id, example: ctx.core.agenda.sessionIds()[0] })] }] });

/** "Tuesday 4 May, 09:00–10:30 (Washington time)": when the session is, for this reader. */
const when = (ctx: CommandContext, timed: TimedSession) => [capitalise(dayName(ctx, localDate(ctx, timed)), ctx.lang), PUNCTUATION[ctx.lang].comma, ...sessionSpan(ctx, timed)];

/** What the reminders will do for this session, given the user's setting and whether it has started. */
function reminderNote(ctx: CommandContext, timed: TimedSession): string {
  if (timed.start <= ctx.now) return ctx.t('stars.started');
  const minutes = remindMinutesOf(ctx.prefs);
  return minutes === 0 ? ctx.t('stars.remindersOff') : ctx.t('stars.willRemind', { count: minutes });
}

export const star = defineCommand({
  name: 'star',
  aliases: { en: ['star', 'bookmark', 'favourite', 'favorite'], fr: ['ajouter', 'favori', 'suivre'], ar: ['أضف', 'اضف', 'احفظ'] },
  args: sessionIdArg,
  run: async (ctx, id: string): Promise<Reply> => {
    const timed = ctx.core.agenda.session(id);
    if (!timed) return notFound(ctx, id);
    let added: boolean;
    try {
      added = await ctx.core.store.star(ctx.caller.id, id, ctx.now.toUTC().toISO()!);
    } catch (err) {
      if (err instanceof TooManyStarsError) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('stars.limit', { count: err.limit })] }] };
      throw err;
    }
    // A reminder is written later, without a message to read the language and zone from: keep this reply's.
    await rememberForReminders(ctx);
    return {
      lang: ctx.lang,
      personal: true,
      shows: { sessions: [id] },
      blocks: [
        { type: 'text', text: [ctx.t(added ? 'stars.added' : 'stars.already', { title: shownTitle(ctx, timed.session) })] },
        { type: 'text', text: when(ctx, timed) },
        { type: 'context', text: [reminderNote(ctx, timed)] },
        {
          type: 'actions',
          buttons: [
            { label: ctx.t('buttons.myAgenda'), command: 'myagenda', style: 'primary' },
            { label: ctx.t('buttons.unstar'), command: `unstar ${id}` },
            { label: ctx.t('buttons.day'), command: `agenda ${localDate(ctx, timed)}` },
          ],
        },
      ],
    };
  },
});

export const unstar = defineCommand({
  name: 'unstar',
  aliases: { en: ['unstar', 'unbookmark'], fr: ['retirer', 'enlever'], ar: ['أزل', 'ازل', 'احذف'] },
  args: sessionIdArg,
  run: async (ctx, id: string): Promise<Reply> => {
    const timed = ctx.core.agenda.session(id);
    const removed = await ctx.core.store.unstar(ctx.caller.id, id);
    // A session gone from the agenda can still be unstarred, by its id.
    const title = timed ? shownTitle(ctx, timed.session) : id;
    return {
      lang: ctx.lang,
      personal: true,
      shows: { sessions: [id] },
      blocks: [
        { type: 'text', text: [ctx.t(removed ? 'stars.removed' : 'stars.notStarred', { title })] },
        { type: 'actions', buttons: [{ label: ctx.t('buttons.myAgenda'), command: 'myagenda' }, ...(timed && removed ? [{ label: ctx.t('buttons.star'), command: `star ${id}` }] : [])] },
      ],
    };
  },
});

/** Keeps the language and zone this user reads in, for reminders written when no message of theirs is at hand. */
async function rememberForReminders(ctx: CommandContext): Promise<void> {
  const patch = {
    // Only when nothing better is known: a star pressed on another language's message must not change a language
    // the user showed by writing.
    ...(ctx.prefs?.lang === undefined && ctx.prefs?.lastLang === undefined ? { lastLang: ctx.lang } : {}),
    ...(ctx.caller.tz && ctx.prefs?.tz !== ctx.caller.tz ? { tz: ctx.caller.tz } : {}),
  };
  if (Object.keys(patch).length > 0) await ctx.core.store.updateUser(ctx.caller.id, patch);
}
