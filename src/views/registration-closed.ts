// What registration and invitations answer once the event is over: closed, and what to do instead (the organisers'
// next edition; whoever runs the bot can try it as during the event with CKEX_NOW).
import { DateTime } from 'luxon';
import type { BotCore } from '../core/bot-core.js';
import type { CommandContext } from '../core/context.js';
import { formatDay } from '../core/i18n/format.js';
import type { Lang } from '../core/lang.js';
import { tryAt } from '../core/event-over.js';
import type { Reply } from '../core/reply.js';
import { dayName } from './times.js';

const lastDay = (ctx: CommandContext) => dayName(ctx, ctx.core.agenda.lastDay);

export function registrationClosedReply(ctx: CommandContext): Reply {
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('closed.header') },
      { type: 'text', text: [ctx.t('closed.registration', { last: lastDay(ctx) })] },
      { type: 'context', text: [ctx.t('closed.tryIt', { setting: `CKEX_NOW=${tryAt(ctx.core)}` })] },
    ],
  };
}

export function invitesClosedReply(ctx: CommandContext): Reply {
  return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('closed.invites', { last: lastDay(ctx) })] }] };
}

/** The console's first answer once the event is over says so before anything else, in that answer's language. */
export function eventOverNotice(core: BotCore, lang: Lang): string {
  const last = formatDay(DateTime.fromISO(core.agenda.lastDay, { zone: core.agenda.zone }), lang);
  return core.i18n.t(lang)('closed.console', { last, setting: `CKEX_NOW=${tryAt(core)}` });
}
