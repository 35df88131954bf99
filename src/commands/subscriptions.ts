// Organisers: subscribe a channel to the daily digest (language, local time, zone), unsubscribe, list them,
// and see a day's digest without posting it.
import { DateTime } from 'luxon';
import { isValidZone } from '../core/clock.js';
import type { Lang } from '../core/lang.js';
import type { Reply } from '../core/reply.js';
import { digestKind, nextPost } from '../core/digest-plan.js';
import type { Subscription } from '../core/store/records.js';
import { optionalDate, optionalLang, words } from './args.js';
import { defineCommand } from './types.js';
import type { CommandContext } from '../core/context.js';
import { digestReply } from '../views/digest.js';
import { dayName } from '../views/times.js';
import { zoneLabel } from '../core/i18n/format.js';
import { PUNCTUATION } from '../core/i18n/punctuation.js';

const text = (ctx: CommandContext, s: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [s] }] });

/** "8", "8:30", "08h30", "8h" → "08:30". */
export function parseTime(token: string): string | undefined {
  const m = /^(\d{1,2})(?:[:hH.](\d{2})?)?$/.exec(token);
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

type Parsed = { lang?: Lang; time?: string; zone?: string } | { error: 'badTime' | 'badZone' | 'badLang' | 'badWord'; token: string };

function parseSubscribe(args: string): Parsed {
  const out: { lang?: Lang; time?: string; zone?: string } = {};
  for (const token of args.split(/\s+/).filter(Boolean)) {
    const lang = optionalLang.safeParse(token);
    if (lang.success && lang.data) {
      out.lang = lang.data;
      continue;
    }
    if (/^\d/.test(token)) {
      const time = parseTime(token);
      if (!time) return { error: 'badTime', token };
      out.time = time;
      continue;
    }
    if (!isValidZone(token)) {
      // "xx": meant as a language; "Europe/Pariss": a zone mistyped; anything else: say what each word may be.
      if (/^[a-z]{2,3}$/i.test(token)) return { error: 'badLang', token };
      return { error: token.includes('/') ? 'badZone' : 'badWord', token };
    }
    out.zone = DateTime.now().setZone(token).zoneName ?? token;
  }
  return out;
}

const PLATFORM_NAMES = { slack: 'Slack', teams: 'Teams' } as const;

function describe(ctx: CommandContext, sub: Subscription): string {
  const next = nextPost(ctx.core.agenda, sub, ctx.now);
  const when = next ? ctx.t('phrasing.dayAt', { day: dayName(ctx, next.setZone(sub.zone).toISODate()!), time: next.setZone(sub.zone).toFormat('HH:mm') }) : ctx.t('subscriptions.noMore');
  const state = sub.paused ? ctx.t('subscriptions.paused') : ctx.t('subscriptions.next', { when });
  const where = sub.channelName ? `${sub.channelName} (${PLATFORM_NAMES[sub.platform]})` : `${sub.platform}:${sub.channel}`;
  return `${where} · ${ctx.core.i18n.t(ctx.lang)(`languages.${sub.lang}`)} · ${ctx.t('phrasing.subscriptionAt', { time: sub.time, zone: zoneLabel(ctx.now.setZone(sub.zone), ctx.lang), id: sub.zone })} · ${state}`;
}

export const subscribe = defineCommand({
  name: 'subscribe',
  admin: true,
  aliases: { en: ['subscribe'], fr: ['abonner', "s'abonner"], ar: ['اشتراك', 'اشترك'] },
  args: () => words,
  run: async (ctx, args: string): Promise<Reply> => {
    if (!ctx.channel) return text(ctx, ctx.t('subscriptions.needChannel'));
    const parsed = parseSubscribe(args);
    if ('error' in parsed) return text(ctx, ctx.t(`subscriptions.${parsed.error}`, { given: parsed.token }));
    const lang = parsed.lang ?? ctx.lang;
    const sub: Subscription = {
      id: `${ctx.channel.platform}:${ctx.channel.id}:${lang}`,
      platform: ctx.channel.platform,
      channel: ctx.channel.id,
      ...(ctx.channel.name ? { channelName: ctx.channel.name } : {}),
      lang,
      time: parsed.time ?? '08:00',
      zone: parsed.zone ?? ctx.core.agenda.zone,
      createdBy: ctx.caller.id,
      createdAt: ctx.now.toUTC().toISO()!,
    };
    const existing = await ctx.core.store.subscription(sub.id);
    // Re-subscribing changes the time or zone; what was already posted today stays posted.
    await ctx.core.store.saveSubscription(existing?.lastPosted ? { ...sub, lastPosted: existing.lastPosted } : sub);
    return text(ctx, ctx.t('subscriptions.saved', { language: ctx.t(`languages.${lang}`), time: sub.time, zone: sub.zone, next: describe(ctx, sub) }));
  },
});

export const unsubscribe = defineCommand({
  name: 'unsubscribe',
  admin: true,
  aliases: { en: ['unsubscribe'], fr: ['désabonner', 'desabonner', 'se désabonner'], ar: ['إلغاء الاشتراك', 'الغاء الاشتراك'] },
  args: () => optionalLang,
  run: async (ctx, lang: Lang | undefined): Promise<Reply> => {
    if (!ctx.channel) return text(ctx, ctx.t('subscriptions.needChannel'));
    const here = (await ctx.core.store.subscriptions()).filter((s) => s.platform === ctx.channel!.platform && s.channel === ctx.channel!.id && (!lang || s.lang === lang));
    for (const s of here) await ctx.core.store.dropSubscription(s.id);
    return text(ctx, ctx.t('subscriptions.removed', { count: here.length }));
  },
});

export const subscriptions = defineCommand({
  name: 'subscriptions',
  admin: true,
  aliases: { en: ['subscriptions'], fr: ['abonnements'], ar: ['الاشتراكات'] },
  args: () => words,
  run: async (ctx): Promise<Reply> => {
    const all = (await ctx.core.store.subscriptions()).sort((a, b) => a.id.localeCompare(b.id));
    return {
      lang: ctx.lang,
      blocks: [{ type: 'header', text: ctx.t('subscriptions.header', { count: all.length }) }, ...all.map((s) => ({ type: 'text' as const, text: [describe(ctx, s)] }))],
    };
  },
});

export const digest = defineCommand({
  name: 'digest',
  admin: true,
  aliases: { en: ['digest'], fr: ['résumé'], ar: ['الملخص', 'ملخص'] },
  args: (core) => optionalDate(Number(core.content.event.start.slice(0, 4))),
  run: (ctx, date: string | undefined): Reply => {
    const day = date ?? ctx.now.setZone(ctx.zone).toISODate()!;
    const kind = digestKind(ctx.core.agenda, day, ctx.zone);
    if (!kind) return text(ctx, ctx.t('subscriptions.noDigest', { day: dayName(ctx, day) }));
    return digestReply(ctx, day, kind);
  },
});

