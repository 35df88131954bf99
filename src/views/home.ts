// The welcome view: the current week and theme, today's (or the next event day's) sessions, and the first buttons.
// Slack shows it as the App Home tab, Teams as the welcome card.
import { LANGS } from '../core/lang.js';
import type { Block, Reply } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';
import { agendaNotes } from './notes.js';
import { starredBlocks, starredSessions } from './my-agenda.js';
import { sessionBlocks } from './session-lines.js';
import { dayName } from './times.js';

/** Starred sessions shown on the welcome view; `my agenda` has them all. */
const HOME_STARRED = 5;

export function homeReply(ctx: CommandContext): Reply {
  const { agenda, content } = ctx.core;
  const today = ctx.now.setZone(ctx.zone).toISODate()!;
  const shown = agenda.status(today, ctx.zone) === 'event-day' ? today : agenda.nearestDay(today, ctx.zone);
  const week = agenda.currentWeek(today, ctx.zone);
  const sessions = agenda.on(shown, ctx.zone);
  const blocks: Block[] = [
    { type: 'header', text: content.event.name[ctx.lang] },
    { type: 'text', text: [content.event.participation[ctx.lang]] },
    { type: 'text', text: [ctx.t('common.weekTheme', { number: week.number, title: week.title[ctx.lang] })] },
    { type: 'divider' },
    { type: 'text', text: [shown === today ? ctx.t('home.today', { day: dayName(ctx, shown) }) : ctx.t('home.nextDay', { day: dayName(ctx, shown) })] },
    ...sessionBlocks(ctx, sessions),
  ];
  blocks.push(...agendaNotes(ctx, sessions[0]?.start));
  // What I starred that is still to come: the next few, and the way to all of them.
  const mine = starredSessions(ctx, [...(ctx.starred ?? [])]).filter((s) => s.end > ctx.now);
  if (mine.length > 0) {
    blocks.push({ type: 'divider' }, { type: 'text', text: [ctx.t('home.myAgenda', { count: mine.length })] }, ...starredBlocks(ctx, mine.slice(0, HOME_STARRED)));
    blocks.push({ type: 'actions', buttons: [{ label: ctx.t('buttons.myAgenda'), command: 'myagenda' }] });
  }
  blocks.push(
    { type: 'actions', buttons: [{ label: ctx.t('buttons.register'), command: 'register', style: 'primary' }, { label: ctx.t('buttons.week', { number: week.number }), command: `week ${week.number}` }, { label: ctx.t('buttons.resources'), command: 'resources' }, { label: ctx.t('buttons.help'), command: 'help' }] },
    { type: 'context', text: [ctx.t('home.language')] },
    { type: 'actions', buttons: LANGS.map((l) => ({ label: ctx.core.i18n.t(l)(`languages.${l}`), command: `lang ${l}`, ...(l === ctx.lang ? { style: 'primary' as const } : {}) })) },
  );
  return { lang: ctx.lang, blocks };
}
