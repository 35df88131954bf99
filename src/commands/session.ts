// session <id>: one session in full, with its calendar file.
import type { Reply } from '../core/reply.js';
import { z } from 'zod';
import { defineCommand } from './types.js';
import { sessionReply } from '../views/session.js';

export const sessionCommand = defineCommand({
  name: 'session',
  aliases: { en: ['session', 'talk'], fr: ['séance', 'seance'], ar: ['جلسة', 'الجلسة'] },
  args: () =>
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^w\d-d\d-[a-z]$/),
  run: (ctx, id: string): Reply => {
    const timed = ctx.core.agenda.session(id);
    if (!timed) return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('session.notFound', { id, example: ctx.core.agenda.sessionIds()[0] })] }] };
    return sessionReply(ctx, timed);
  },
});
