// How a registration (or the answers of a form under way) reads in a reply, in the reader's language.
import { countryName } from '../core/forms/countries.js';
import { FIELDS, type Answers, type FieldId } from '../core/forms/fields.js';
import type { Block, Field, Reply } from '../core/reply.js';
import type { Registration } from '../core/store/records.js';
import type { CommandContext } from '../core/context.js';

/** An answer as a person reads it: a country's name, a choice's label, "—" when skipped. */
export function answerText(ctx: CommandContext, field: FieldId, value: string | undefined): string {
  if (value === undefined || value === '') return '—';
  if (field === 'country') return countryName(value, ctx.lang);
  if (field === 'consent') return ctx.t('form.consentGiven');
  const def = FIELDS.find((f) => f.id === field);
  return def && 'choices' in def ? ctx.t(`form.choices.${field}.${value}`) : value;
}

export function answerFields(ctx: CommandContext, answers: Answers): Field[] {
  return FIELDS.map((f) => ({ label: ctx.t(`form.fields.${f.id}.label`), value: [answerText(ctx, f.id, answers[f.id])] }));
}

export function registrationAnswers(r: Registration): Answers {
  return {
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    country: r.country,
    role: r.role,
    institution: r.institution,
    region: r.region,
    nominatedBy: r.nominatedBy ?? '',
    interpretation: r.interpretation,
    consent: 'yes',
  };
}

/** The registration's id (left out where the sentence above already gives it), status and answers. */
export function registrationBlocks(ctx: CommandContext, r: Registration, opts: { id?: boolean } = {}): Block[] {
  const id = opts.id === false ? [] : [{ label: ctx.t('registration.id'), value: [r.id] }];
  return [
    { type: 'fields', fields: [...id, { label: ctx.t('registration.status'), value: [ctx.t(`registration.statuses.${r.status}`)] }] },
    { type: 'fields', fields: answerFields(ctx, registrationAnswers(r)) },
  ];
}

/** What a participant is told when an organiser approves or declines, or they withdraw. */
export function statusNotice(ctx: CommandContext, r: Registration): Reply {
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('registration.noticeHeader', { event: ctx.core.content.event.shortName }) },
      { type: 'text', text: [ctx.t(`registration.notice.${r.status}`, { id: r.id })] },
      { type: 'actions', buttons: [{ label: ctx.t('buttons.myRegistration'), command: 'me' }, { label: ctx.t('buttons.today'), command: 'today' }] },
    ],
  };
}

/** What the organisers' channel is told about a registration waiting for a decision. */
export function organiserNotice(ctx: CommandContext, r: Registration): Reply {
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('organisers.pendingHeader', { id: r.id }) },
      { type: 'fields', fields: answerFields(ctx, registrationAnswers(r)).filter((f) => f.label !== ctx.t('form.fields.consent.label')) },
      { type: 'actions', buttons: [{ label: ctx.t('buttons.approve'), command: `approve ${r.id} notice`, style: 'primary' }, { label: ctx.t('buttons.decline'), command: `decline ${r.id} notice`, style: 'danger' }] },
    ],
  };
}

/** What the organisers' channel is told when another chat identity gave the email of an existing registration. */
export function claimNotice(ctx: CommandContext, r: Registration): Reply {
  return {
    lang: ctx.lang,
    blocks: [
      { type: 'header', text: ctx.t('organisers.claimHeader', { id: r.id }) },
      { type: 'text', text: [ctx.t('organisers.claimText', { id: r.id })] },
    ],
  };
}
