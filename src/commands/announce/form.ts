// The announce form, on the one form engine: who it is for, the text in English (and French and Arabic, which may
// be skipped), when it goes; then a preview in each language with confirm and cancel. Organisers only.
import { DateTime } from 'luxon';
import { MAX_ANNOUNCEMENT_TEXT, readAudience, readWhen, recipientsOf, scheduleAnnouncement, type Audience } from '../../core/announcements/index.js';
import { audienceSchema } from '../../core/store/announcement.js';
import type { CommandContext } from '../../core/context.js';
import type { FieldDef } from '../../core/forms/fields.js';
import { answerLimit, validateField } from '../../core/forms/validate.js';
import { normalizeWord } from '../../core/i18n/normalize.js';
import { LANGS, type Lang } from '../../core/lang.js';
import type { Block, Button, Reply } from '../../core/reply.js';
import type { FormProgress } from '../../core/store/records.js';
import { announcementMessage, audienceName, whenName } from '../../views/announce/index.js';
import { advance, fieldAt, saveStep, textBlock, type FormSpec } from '../form-engine.js';

const FIELDS: readonly FieldDef<string>[] = [
  { id: 'audience', kind: 'choice', required: true },
  { id: 'en', kind: 'text', required: true, max: MAX_ANNOUNCEMENT_TEXT },
  { id: 'fr', kind: 'text', required: false, max: MAX_ANNOUNCEMENT_TEXT },
  { id: 'ar', kind: 'text', required: false, max: MAX_ANNOUNCEMENT_TEXT },
  { id: 'when', kind: 'choice', required: true },
];
const TEXTS: readonly string[] = LANGS;

/** The audience as the form keeps it: its JSON (one answer is one string). */
const audienceOf = (answers: Record<string, string>): Audience | undefined => {
  const parsed = answers.audience ? audienceSchema.safeParse(JSON.parse(answers.audience)) : undefined;
  return parsed?.success ? parsed.data : undefined;
};

const textsOf = (answers: Record<string, string>) => ({ en: answers.en ?? '', ...(answers.fr ? { fr: answers.fr } : {}), ...(answers.ar ? { ar: answers.ar } : {}) });

/** What the answer was, as the summary and the question's "current answer" show it. */
function shown(ctx: CommandContext, id: string, value: string): string {
  if (id === 'audience') {
    const audience = audienceOf({ audience: value });
    return audience ? audienceName(ctx, audience) : value;
  }
  if (id === 'when') return value === 'now' ? ctx.t('announce.form.now') : whenName(ctx, value);
  return value === '' ? ctx.t('announce.form.skipped') : value;
}

function question(ctx: CommandContext, progress: FormProgress, before: Block[] = []): Reply {
  if (progress.review) return preview(ctx, progress, before);
  const def = fieldAt(announceForm, progress.step);
  const blocks: Block[] = [...before, { type: 'header', text: ctx.t('announce.form.header', { n: progress.step + 1, total: FIELDS.length }) }];
  blocks.push({ type: 'text', text: [ctx.t(`announce.form.fields.${def.id}.prompt`)] }, { type: 'context', text: [ctx.t(`announce.form.fields.${def.id}.help`, { max: MAX_ANNOUNCEMENT_TEXT, zone: ctx.zone })] });
  const current = progress.answers[def.id];
  if (current !== undefined) blocks.push({ type: 'context', text: [ctx.t('form.current', { value: shown(ctx, def.id, current) })] });
  if (def.id === 'audience') blocks.push({ type: 'actions', buttons: (['confirmed', 'pending', 'channels'] as const).map((kind, i) => ({ label: ctx.t(`announce.audiences.${kind}`), command: String(i + 1) })) });
  if (def.id === 'when') blocks.push({ type: 'actions', buttons: [{ label: ctx.t('announce.form.now'), command: ctx.t('announce.form.nowWord') }] });
  const steer: Button[] = [];
  if (progress.step > 0) steer.push({ label: ctx.t('buttons.back'), command: 'back' });
  if (!def.required) steer.push({ label: ctx.t('buttons.skip'), command: 'skip' });
  steer.push({ label: ctx.t('buttons.cancel'), command: 'cancel', style: 'danger' });
  blocks.push({ type: 'actions', buttons: steer }, { type: 'context', text: [ctx.t('form.steering')] });
  return { lang: ctx.lang, blocks };
}

/** The message as each language's readers will get it, who gets it and when; confirm or cancel. */
function preview(ctx: CommandContext, progress: FormProgress, before: Block[] = []): Reply {
  const { answers } = progress;
  const blocks: Block[] = [...before, { type: 'header', text: ctx.t('announce.form.previewHeader') }];
  blocks.push({
    type: 'fields',
    fields: [
      { label: ctx.t('announce.form.fields.audience.label'), value: [shown(ctx, 'audience', answers.audience ?? '')] },
      { label: ctx.t('announce.form.fields.when.label'), value: [shown(ctx, 'when', answers.when ?? 'now')] },
    ],
  });
  for (const lang of LANGS) {
    const reader = { lang, t: ctx.core.i18n.t(lang) };
    const [header, body] = announcementMessage(reader, textsOf(answers)).blocks;
    blocks.push({ type: 'divider' }, { type: 'context', text: [ctx.t('announce.form.previewIn', { language: ctx.t(`languages.${lang}`) })] });
    blocks.push({ type: 'section', title: header?.type === 'header' ? header.text : '', text: body?.type === 'text' ? body.text : [] });
  }
  blocks.push(
    { type: 'divider' },
    { type: 'actions', buttons: [{ label: ctx.t('announce.form.send'), command: 'confirm', style: 'primary' }, { label: ctx.t('buttons.cancel'), command: 'cancel', style: 'danger' }] },
    { type: 'actions', buttons: FIELDS.map((f) => ({ label: ctx.t('buttons.edit', { field: ctx.t(`announce.form.fields.${f.id}.label`) }), command: `edit ${f.id}` })) },
    { type: 'context', text: [ctx.t('announce.form.reviewHelp')] },
  );
  return { lang: ctx.lang, blocks };
}

type Read = { ok: true; value: string } | { ok: false; reason: string };

function read(ctx: CommandContext, id: string, raw: string): Read {
  if (id === 'audience') {
    const got = readAudience(raw, (s) => ctx.core.agenda.session(s) !== undefined);
    return got.ok ? { ok: true, value: JSON.stringify(got.audience) } : { ok: false, reason: ctx.t(`announce.errors.${got.error}`, { given: got.given }) };
  }
  if (id === 'when') {
    const got = readWhen(raw, ctx.zone, ctx.now);
    return got.ok ? { ok: true, value: got.now ? 'now' : got.at.toISO()! } : { ok: false, reason: ctx.t(`announce.errors.${got.error}`, { zone: ctx.zone }) };
  }
  const result = validateField(fieldAt(announceForm, FIELDS.findIndex((f) => f.id === id)), raw, ctx.core.i18n);
  return result.ok ? { ok: true, value: result.value } : { ok: false, reason: ctx.t(`form.errors.${result.error}`, { max: answerLimit(FIELDS.find((f) => f.id === id)!) }) };
}

async function answer(ctx: CommandContext, progress: FormProgress, raw: string): Promise<Reply> {
  const def = fieldAt(announceForm, progress.step);
  const got = read(ctx, def.id, raw);
  if (!got.ok) return question(ctx, progress, [textBlock(got.reason)]);
  const next = advance(announceForm, { ...progress, answers: { ...progress.answers, [def.id]: got.value } });
  await saveStep(ctx, next);
  return question(ctx, next);
}

async function submit(ctx: CommandContext, progress: FormProgress): Promise<Reply> {
  const audience = audienceOf(progress.answers);
  const when = progress.answers.when === 'now' ? ctx.now : DateTime.fromISO(progress.answers.when ?? '');
  // A time that has passed while the preview waited is asked again, never sent at once by surprise.
  if (!audience || !when.isValid || (progress.answers.when !== 'now' && when <= ctx.now)) {
    const next: FormProgress = { ...progress, review: false, step: audience ? FIELDS.length - 1 : 0 };
    await saveStep(ctx, next);
    return question(ctx, next, [textBlock(ctx.t(audience ? 'announce.errors.past' : 'announce.errors.audience', { given: '' }))]);
  }
  const now = ctx.now.toUTC().toISO()!;
  const created = await scheduleAnnouncement(ctx.core.store, ctx.caller.id, audience, textsOf(progress.answers), when.toUTC().toISO()!, now);
  await ctx.core.store.dropForm(ctx.caller.id);
  const { people, channels } = await recipientsOf(ctx.core.store, audience);
  const count = people.length + channels.length;
  const line = progress.answers.when === 'now' ? ctx.t('announce.goingNow', { id: created.id, count }) : ctx.t('announce.scheduled', { id: created.id, count, when: whenName(ctx, created.sendAt) });
  return { lang: ctx.lang, blocks: [textBlock(line), { type: 'context', text: [ctx.t('announce.follow', { command: ctx.t('announce.listWord') })] }] };
}

function fieldNamed(ctx: CommandContext, words: string): number | undefined {
  const typed = normalizeWord(words.trim());
  if (typed === '') return undefined;
  const index = FIELDS.findIndex((f) => [f.id, ...LANGS.map((l: Lang) => ctx.core.i18n.t(l)(`announce.form.fields.${f.id}.label`))].map(normalizeWord).some((l) => l === typed || l.startsWith(typed)));
  return index === -1 ? undefined : index;
}

export const announceForm: FormSpec = {
  kind: 'announce',
  command: 'announce',
  fields: FIELDS,
  question,
  answer,
  submit,
  fieldNamed,
  keys: { cancelled: 'announce.form.cancelled', editWhich: 'announce.form.editWhich', reviewWhat: 'announce.form.reviewHelp' },
  // The texts are the organiser's words, whatever they look like; who and when, whenever they read as one.
  takes: (ctx, progress, message) => {
    const id = fieldAt(announceForm, progress.step).id;
    return TEXTS.includes(id) || read(ctx, id, message).ok;
  },
};
