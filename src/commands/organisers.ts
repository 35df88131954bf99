// Organiser commands (CKEX_ADMINS only): registrations, export, approve, decline, invites.
import { formatNumber } from '../core/i18n/format.js';
import { countryName } from '../core/forms/countries.js';
import { emailsIn, registrationsCsvFromPages } from '../core/forms/export-csv.js';
import { setStatus } from '../core/forms/registration.js';
import type { Block, Reply } from '../core/reply.js';
import type { RegistrationStatus } from '../store/schema.js';
import { z } from 'zod';
import { none, words } from './args.js';
import { defineCommand, type CommandContext } from './types.js';
import { statusNotice } from './views/registration.js';
import { shortTitle } from './views/session-lines.js';

const text = (ctx: CommandContext, s: string): Reply => ({ lang: ctx.lang, blocks: [{ type: 'text', text: [s] }] });

/** Counts by a label, largest first; codes that show as the same label add up. */
function byLabel(table: Record<string, number>, label: (code: string) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const [code, n] of Object.entries(table)) counts.set(label(code), (counts.get(label(code)) ?? 0) + n);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Sessions by the number of people who starred them, most first: the ten the organisers most need to know. */
function starRows(ctx: CommandContext, stars: Record<string, number>): [string, number][] {
  return Object.entries(stars)
    .map(([id, n]): [string, number] => {
      const timed = ctx.core.agenda.session(id);
      return [timed ? `${shortTitle(timed.session.title[ctx.lang])} (${id})` : id, n];
    })
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10);
}

export const registrations = defineCommand({
  name: 'registrations',
  admin: true,
  aliases: { en: ['registrations', 'stats'], fr: ['inscriptions', 'statistiques'], ar: ['التسجيلات', 'احصاءات'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => {
    const [counts, inviteCount, stars] = await Promise.all([ctx.core.store.registrationCounts(), ctx.core.store.inviteCount(), ctx.core.store.starCounts()]);
    const n = (x: number) => formatNumber(x, ctx.lang);
    const section = (title: string, rows: [string, number][]): Block => ({ type: 'fields', fields: [{ label: title, value: [rows.map(([k, v]) => `${k}: ${n(v)}`).join('\n') || '—'] }] });
    return {
      lang: ctx.lang,
      blocks: [
        { type: 'header', text: ctx.t('organisers.statsHeader', { count: counts.total }) },
        section(ctx.t('registration.status'), byLabel(counts.byStatus, (s) => ctx.t(`registration.statuses.${s}`))),
        section(ctx.t('form.fields.region.label'), byLabel(counts.byRegion, (r) => ctx.t(`form.choices.region.${r}`))),
        section(ctx.t('form.fields.country.label'), byLabel(counts.byCountry, (c) => countryName(c, ctx.lang)).slice(0, 15)),
        section(ctx.t('form.fields.interpretation.label'), byLabel(counts.byInterpretation, (i) => ctx.t(`form.choices.interpretation.${i}`))),
        section(ctx.t('organisers.stars'), starRows(ctx, stars)),
        { type: 'context', text: [ctx.t('organisers.invites', { count: inviteCount })] },
        { type: 'actions', buttons: [{ label: ctx.t('buttons.exportCsv'), command: 'export' }] },
      ],
    };
  },
});

export const exportCommand = defineCommand({
  name: 'export',
  admin: true,
  aliases: { en: ['export', 'csv'], fr: ['exporter'], ar: ['تصدير'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => {
    const { csv, count } = await registrationsCsvFromPages(ctx.core.store.registrationPages());
    const name = `ckex-registrations-${ctx.now.toUTC().toFormat('yyyyMMdd-HHmm')}.csv`;
    return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('organisers.exported', { count })] }], files: [{ name, mime: 'text/csv', content: csv, private: true }] };
  },
});

const idArg = () => z.string().trim().toUpperCase().regex(/^R[0-9A-Z]{5}$/);

function decide(status: Extract<RegistrationStatus, 'confirmed' | 'declined'>) {
  return async (ctx: CommandContext, id: string): Promise<Reply> => {
    const found = await ctx.core.store.registration(id);
    if (!found) return text(ctx, ctx.t('organisers.notFound', { id }));
    const already = (s: RegistrationStatus) => text(ctx, ctx.t('organisers.already', { id, status: ctx.t(`registration.statuses.${s}`) }));
    if (found.status === status) return already(status);
    // Two organisers pressing at once (on two instances): the status moves once, and only its mover tells people.
    const updated = await setStatus(ctx.core.store, found, status, ctx.now.toUTC().toISO()!);
    if (!updated) return already((await ctx.core.store.registration(id))?.status ?? status);
    const participant = { ...ctx, lang: updated.lang, t: ctx.core.i18n.t(updated.lang), shared: false };
    const told = (await Promise.all(updated.userIds.map((u) => ctx.core.notifier.toUser(u, statusNotice(participant, updated))))).some(Boolean);
    const key = told ? 'organisers.decidedTold' : 'organisers.decidedNotTold';
    return text(ctx, ctx.t(key, { id, name: updated.name, status: ctx.t(`registration.statuses.${status}`) }));
  };
}

export const approve = defineCommand({
  name: 'approve',
  admin: true,
  aliases: { en: ['approve', 'accept'], fr: ['approuver', 'accepter'], ar: ['موافقة', 'قبول', 'اقبل'] },
  args: idArg,
  run: decide('confirmed'),
});

export const decline = defineCommand({
  name: 'decline',
  admin: true,
  aliases: { en: ['decline', 'reject'], fr: ['refuser', 'rejeter'], ar: ['رفض', 'ارفض'] },
  args: idArg,
  run: decide('declined'),
});

export const invites = defineCommand({
  name: 'invites',
  admin: true,
  aliases: { en: ['invites', 'invite', 'invitations'], fr: ['inviter'], ar: ['دعوات', 'دعوة'] },
  args: () => words,
  run: async (ctx, list: string): Promise<Reply> => {
    const emails = emailsIn(list);
    if (emails.length === 0) return text(ctx, ctx.t('organisers.invitesHelp', { count: await ctx.core.store.inviteCount() }));
    const added = await ctx.core.store.addInvites(emails, ctx.caller.id);
    // Pending registrations of newly invited emails are confirmed at once, and their people told: only where the
    // platform vouched the registrant owns the email (anyone can type someone else's); the others stay for approval.
    const confirmed: string[] = [];
    let unverified = 0;
    for (const email of emails) {
      const r = await ctx.core.store.registrationByEmail(email);
      if (r?.status !== 'pending') continue;
      if (!r.emailVerified) {
        unverified++;
        continue;
      }
      const updated = await setStatus(ctx.core.store, r, 'confirmed', ctx.now.toUTC().toISO()!, { invited: true });
      if (!updated) continue; // decided meanwhile, elsewhere
      const participant = { ...ctx, lang: updated.lang, t: ctx.core.i18n.t(updated.lang), shared: false };
      await Promise.all(updated.userIds.map((u) => ctx.core.notifier.toUser(u, statusNotice(participant, updated))));
      confirmed.push(updated.id);
    }
    const reply = text(ctx, ctx.t('organisers.invited', { count: added, total: await ctx.core.store.inviteCount(), confirmed: confirmed.length }));
    if (unverified > 0) reply.blocks.push({ type: 'context', text: [ctx.t('organisers.invitedUnverified', { count: unverified })] });
    return reply;
  },
});
