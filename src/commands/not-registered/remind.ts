// remind not registered (relancer non inscrits, تذكير غير المسجلين): a round of reminders to register, to each
// invited person not registered whom Slack finds by email (users.lookupByEmail), in their language if they chose
// one, else in English with the command word of all three. It is an announcement to that audience: one keyed post
// per person and round, claimed once across restarts and instances, paced, counted in `announcements`. Whoever no
// platform finds (Teams people who never opened the bot's chat among them) is listed, not messaged.
import { z } from 'zod';
import { scheduleAnnouncement, unregisteredPeople } from '../../core/announcements/index.js';
import { LANGS } from '../../core/lang.js';
import { normalizeWord } from '../../core/i18n/normalize.js';
import type { Reply } from '../../core/reply.js';
import { remindedReply } from '../../views/not-registered/index.js';
import { defineCommand } from '../types.js';

/** What follows the two first words: "registered", « inscrits », «المسجلين». */
const LAST = new Set(['registered', 'inscrits', 'المسجلين'].map(normalizeWord));

export const remindNotRegistered = defineCommand({
  name: 'remindNotRegistered',
  personal: true,
  admin: true,
  aliases: { en: ['remind not'], fr: ['relancer non'], ar: ['تذكير غير'] },
  args: () => z.string().refine((s) => LAST.has(normalizeWord(s.trim())), 'expected: remind not registered'),
  run: async (ctx): Promise<Reply> => {
    const { found, notFound } = await unregisteredPeople(ctx.core.store, (email) => ctx.core.notifier.findByEmail(email));
    if (found.length === 0) return remindedReply(ctx, undefined, 0, notFound);
    const event = ctx.core.content.event.name;
    const text = Object.fromEntries(LANGS.map((l) => [l, ctx.core.i18n.t(l)('followUp.invitation', { event: event[l] })])) as { en: string; fr: string; ar: string };
    const now = ctx.now.toUTC().toISO()!;
    const round = await scheduleAnnouncement(ctx.core.store, ctx.caller.id, { kind: 'unregistered' }, text, now, now);
    return remindedReply(ctx, round.id, found.length, notFound);
  },
});
