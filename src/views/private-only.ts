// What belongs to one person (my agenda and its calendar address, my data, the registrations export) is never
// written where others read: in a channel the answer says where to ask instead.
import type { Reply } from '../core/reply.js';
import type { CommandContext } from '../core/context.js';

export const privateOnly = (ctx: CommandContext): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('errors.privateOnly')] }] });
