// Organiser commands (CKEX_ADMINS only): registrations, export, approve, decline, invites.
import { DateTime } from 'luxon';
import { eventOver } from '../core/event-over.js';
import { invitesClosedReply } from '../views/registration-closed.js';
import { formatDate, formatNumber } from '../core/i18n/format.js';
import { countryName } from '../core/forms/countries.js';
import { emailsIn, notEmailsIn } from '../core/forms/export-csv.js';
import { setStatus } from '../core/forms/registration.js';
import type { Block, Reply } from '../core/reply.js';
import type { Registration, RegistrationStatus } from '../core/store/records.js';
import { normalizeWord } from '../core/i18n/normalize.js';
import { askYesNo } from './pending.js';
import { answerFields, registrationAnswers } from '../views/registration.js';
import { dayName } from '../views/times.js';
import { z } from 'zod';
import { none, words } from './args.js';
import { defineCommand } from './types.js';
import type { CommandContext } from '../core/context.js';
import { confirmInvited, tellParticipant } from './invited.js';
import { shortTitle } from '../views/session-lines.js';

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
  personal: true,
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
  personal: true,
  admin: true,
  aliases: { en: ['export', 'csv'], fr: ['exporter'], ar: ['تصدير'] },
  args: () => none,
  run: async (ctx): Promise<Reply> => {
    // The CSV is made when the link is opened, a page of registrations at a time: memory stays flat as they grow.
    const { total: count } = await ctx.core.store.registrationCounts();
    const name = `ckex-registrations-${ctx.now.toUTC().toFormat('yyyyMMdd-HHmm')}.csv`;
    return { lang: ctx.lang, blocks: [{ type: 'text', text: [ctx.t('organisers.exported', { count })] }], files: [{ name, mime: 'text/csv', content: '', source: 'registrations-csv', private: true }] };
  },
});

/** Where the decision was asked from: typed, the organisers' notice (replaced by it), the pending list (shown again). */
type From = 'typed' | 'notice' | 'list';
interface Decision {
  id: string;
  /** The organiser already answered "are you sure?". */
  confirmed: boolean;
  from: From;
}

/** The words a button adds after the id, in the three languages as command-words.json shows them. */
const WORDS: Record<string, 'confirm' | 'notice' | 'list'> = Object.fromEntries(
  ([['confirm', 'confirm'], ['confirmer', 'confirm'], ['تأكيد', 'confirm'], ['notice', 'notice'], ['avis', 'notice'], ['إشعار', 'notice'], ['list', 'list'], ['liste', 'list'], ['قائمة', 'list']] as const).map(([w, m]) => [normalizeWord(w), m]),
);

/** A registration id, then at most "confirm" (the answer to "are you sure?") and where the button was. */
const idArg = () =>
  z
    .string()
    .trim()
    .transform((raw, issues): Decision => {
      const [id = '', ...words] = raw.split(/\s+/);
      const meant = words.map((w) => WORDS[normalizeWord(w)]);
      if (!/^R[0-9A-Z]{5}$/.test(id.toUpperCase()) || words.length > 2 || meant.some((m) => m === undefined)) {
        issues.addIssue({ code: 'custom', message: 'expected a registration id' });
        return z.NEVER;
      }
      return { id: id.toUpperCase(), confirmed: meant.includes('confirm'), from: meant.includes('notice') ? 'notice' : meant.includes('list') ? 'list' : 'typed' };
    });

/**
 * The registration as the organisers' notice showed it, now with its decision: from the notice it replaces the
 * notice for everyone; from the pending list it heads the list as it now stands; typed, it is a plain answer.
 */
async function decidedReply(ctx: CommandContext, r: Registration, line: string, from: From): Promise<Reply> {
  if (from === 'list') {
    const list = await pendingReply(ctx);
    return { lang: ctx.lang, replacesSource: true, blocks: [{ type: 'context', text: [line] }, ...list.blocks] };
  }
  return {
    lang: ctx.lang,
    ...(from === 'notice' ? { replacesSource: true as const } : {}),
    blocks: [
      { type: 'header', text: ctx.t('organisers.decidedHeader', { id: r.id, status: ctx.t(`registration.statuses.${r.status}`) }) },
      { type: 'fields', fields: answerFields(ctx, registrationAnswers(r)).filter((f) => f.label !== ctx.t('form.fields.consent.label')) },
      { type: 'context', text: [line] },
    ],
  };
}

function decide(status: Extract<RegistrationStatus, 'confirmed' | 'declined'>) {
  return async (ctx: CommandContext, { id, confirmed, from }: Decision): Promise<Reply> => {
    const found = await ctx.core.store.registration(id);
    if (!found) return text(ctx, ctx.t('organisers.notFound', { id }));
    const statusName = (s: RegistrationStatus) => ctx.t(`registration.statuses.${s}`);
    if (found.status === status) return decidedReply(ctx, found, ctx.t('organisers.already', { id, status: statusName(status) }), from);
    if (found.status === 'withdrawn') return decidedReply(ctx, found, ctx.t('organisers.withdrawnNoDecision', { id }), from);
    // Overturning a decision (approved, then declined) is asked first, privately: nobody is told twice by mistake.
    const command = `${status === 'confirmed' ? 'approve' : 'decline'} ${id} confirm${from === 'typed' ? '' : ` ${from}`}`;
    if (found.status !== 'pending' && !confirmed) {
      await askYesNo(ctx, command);
      return {
        lang: ctx.lang,
        blocks: [
          { type: 'text', text: [ctx.t('organisers.changeAsk', { id, name: found.name, status: statusName(found.status), next: statusName(status) })] },
          { type: 'actions', buttons: [{ label: ctx.t('buttons.changeStatus', { status: statusName(status) }), command, style: status === 'declined' ? 'danger' : 'primary' }] },
        ],
      };
    }
    // Two organisers pressing at once (on two instances): the status moves once, and only its mover tells people.
    const updated = await setStatus(ctx.core.store, found, status, ctx.now.toUTC().toISO()!);
    if (!updated) {
      const now = (await ctx.core.store.registration(id)) ?? found;
      return decidedReply(ctx, now, ctx.t('organisers.already', { id, status: statusName(now.status) }), from);
    }
    const told = await tellParticipant(ctx, updated);
    const key = told ? 'organisers.decidedTold' : 'organisers.decidedNotTold';
    return decidedReply(ctx, updated, ctx.t(key, { id, name: updated.name, status: statusName(status) }), from);
  };
}

/** At most this many waiting registrations in one reply (each with its two buttons). */
const PENDING_SHOWN = 15;

/** The registrations waiting, oldest first, each with the buttons that decide it from this list. */
async function pendingReply(ctx: CommandContext): Promise<Reply> {
  const [waiting, counts] = await Promise.all([ctx.core.store.registrationsWithStatus('pending', PENDING_SHOWN), ctx.core.store.registrationCounts()]);
  const total = counts.byStatus.pending ?? 0;
  if (waiting.length === 0) return text(ctx, ctx.t('pending.none'));
  const blocks: Reply['blocks'] = [{ type: 'header', text: ctx.t('pending.header', { count: total }) }];
  for (const r of waiting) {
    blocks.push(
      { type: 'section', title: `${r.name} (${r.id})`, text: [[r.organisation, countryName(r.country, ctx.lang), ctx.t(`form.choices.region.${r.region}`), r.email].join(' · ')], meta: ctx.t('pending.since', { day: formatDate(DateTime.fromISO(r.createdAt.slice(0, 10), { zone: ctx.core.agenda.zone }), ctx.lang) }) },
      { type: 'actions', buttons: [{ label: ctx.t('buttons.approve'), command: `approve ${r.id} list`, style: 'primary' }, { label: ctx.t('buttons.decline'), command: `decline ${r.id} list`, style: 'danger' }] },
    );
  }
  if (total > waiting.length) blocks.push({ type: 'context', text: [ctx.t('pending.more', { count: total - waiting.length })] });
  return { lang: ctx.lang, blocks };
}

export const pending = defineCommand({
  name: 'pending',
  personal: true,
  admin: true,
  aliases: { en: ['pending', 'waiting'], fr: ['en attente', 'attente'], ar: ['المعلقة', 'قيد الانتظار'] },
  args: () => none,
  run: (ctx): Promise<Reply> => pendingReply(ctx),
});

export const approve = defineCommand({
  name: 'approve',
  admin: true,
  aliases: { en: ['approve', 'accept'], fr: ['valider', 'approuver', 'accepter'], ar: ['موافقة', 'قبول', 'اقبل'] },
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
    // What was typed but is no email is named, so a typo is not silently left out.
    const notEmails = notEmailsIn(list);
    const skipped = notEmails.length > 0 ? [{ type: 'context' as const, text: [ctx.t('organisers.notEmails', { count: notEmails.length, entries: notEmails.slice(0, 10).join(', ') + (notEmails.length > 10 ? ', …' : '') })] }] : [];
    if (emails.length > 0 && eventOver(ctx.core, ctx.now)) return invitesClosedReply(ctx); // retention would erase them
    if (emails.length === 0) {
      const help = text(ctx, ctx.t('organisers.invitesHelp', { count: await ctx.core.store.inviteCount() }));
      return { ...help, blocks: [...help.blocks, ...skipped] };
    }
    const added = await ctx.core.store.addInvites(emails, ctx.caller.id);
    const { confirmed, unverified } = await confirmInvited(ctx, emails);
    const reply = text(ctx, ctx.t('organisers.invited', { count: added, total: await ctx.core.store.inviteCount(), confirmed: confirmed.length }));
    if (unverified > 0) reply.blocks.push({ type: 'context', text: [ctx.t('organisers.invitedUnverified', { count: unverified })] });
    reply.blocks.push(...skipped);
    return reply;
  },
});
