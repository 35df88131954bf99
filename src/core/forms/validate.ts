// Each answer validated with zod, whatever surface it came from: the reason when it is wrong, or its canonical value.
import { z } from 'zod';
import { LANGS } from '../lang.js';
import type { I18n } from '../i18n/i18n.js';
import { normalizeWord } from '../i18n/normalize.js';
import { matchCountry } from './countries.js';
import type { FieldDef } from './fields.js';
import choiceNames from './choice-names.json' with { type: 'json' };
import type { YesNoReader } from '../reading.js';

export type FieldResult = { ok: true; value: string } | { ok: false; error: string; choices?: string[] };

const YES = ['yes', 'y', 'ok', 'agree', 'i agree', 'true', 'on', 'oui', 'o', "j'accepte", 'accepte', "d'accord", 'نعم', 'اوافق', 'موافق', 'موافقه'].map(normalizeWord);
const NO = ['no', 'n', 'false', 'off', 'non', 'refuse', 'لا', 'ارفض'].map(normalizeWord);

/** yes, oui, نعم (and the other ways of agreeing above, and the reader's: "yes please", « oui bien sûr »). */
export const isYes = (raw: string, reader: YesNoReader): boolean => YES.includes(normalizeWord(raw.trim())) || reader.yesNo(raw) === 'yes';
export const isNo = (raw: string, reader: YesNoReader): boolean => NO.includes(normalizeWord(raw.trim())) || reader.yesNo(raw) === 'no';

/** More names people give a choice than its label ("no" for no interpretation, « Moyen-Orient »), per field and choice. */
const CHOICE_NAMES = z.record(z.string(), z.record(z.string(), z.array(z.string().min(1)))).parse(choiceNames);

/** Ways of saying "nothing to give": never stored as an answer; an optional question is skipped, a required one asked again. */
const SKIP = ['skip', 'passer', 'ignorer', 'تخطي', 'تخطى', 'none', 'n/a', 'nobody', 'no one', 'nothing', 'aucun', 'aucune', 'personne', 'néant', 'rien', 'لا أحد', 'لا يوجد', 'لا شيء'].map(normalizeWord);
export const isSkip = (raw: string): boolean => SKIP.includes(normalizeWord(raw.trim().replace(/^[\s"'«“-]+|[\s?!.,;:…؟،؛"'»”-]+$/gu, '')));

const textSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(2, 'tooShort')
    .max(max, 'tooLong')
    .regex(/\p{L}/u, 'needsLetters');
const emailSchema = z.string().trim().toLowerCase().pipe(z.email('email'));

function zodResult(schema: z.ZodType<string>, raw: string): FieldResult {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid' };
}

/** Every way to name each choice of a field (id and label in the three languages), normalised once per I18n. */
const labelCache = new WeakMap<I18n, Map<string, string[][]>>();

function choiceLabels(field: FieldDef<string>, i18n: I18n): string[][] {
  let byField = labelCache.get(i18n);
  if (!byField) labelCache.set(i18n, (byField = new Map()));
  let labels = byField.get(field.id);
  if (!labels) {
    labels = (field.choices ?? []).map((c) => [c, ...LANGS.map((l) => i18n.t(l)(`form.choices.${field.id}.${c}`)), ...(CHOICE_NAMES[field.id]?.[c] ?? [])].map(normalizeWord));
    byField.set(field.id, labels);
  }
  return labels;
}

/** A choice given by its number, its id, or its label in any of the three languages. */
function matchChoice(field: FieldDef<string>, raw: string, i18n: I18n): FieldResult {
  const choices = field.choices ?? [];
  const typed = normalizeWord(raw.trim());
  const number = Number.parseInt(typed, 10);
  if (/^\d+$/.test(typed) && number >= 1 && number <= choices.length) return { ok: true, value: choices[number - 1]! };
  const labels = choiceLabels(field, i18n);
  const exact = choices.filter((_c, i) => labels[i]!.includes(typed));
  if (exact.length === 1) return { ok: true, value: exact[0]! };
  const partial = typed.length >= 3 ? choices.filter((_c, i) => labels[i]!.some((l) => l.startsWith(typed) || l.includes(` ${typed}`))) : [];
  if (partial.length === 1) return { ok: true, value: partial[0]! };
  return { ok: false, error: 'choice' };
}

/** The longest answer each field takes: anything longer is refused before it is matched (a country's fuzzy match is
 * quadratic in its length), whatever surface it came from. */
export function answerLimit(field: FieldDef<string>): number {
  if (field.kind === 'text') return field.max ?? 200;
  return field.kind === 'email' ? 254 : 100;
}

export function validateField(field: FieldDef<string>, raw: string, i18n: I18n): FieldResult {
  // Cut first: a pasted page is refused at its length, never read.
  if (raw.length > answerLimit(field) * 2 && raw.trim().length > answerLimit(field)) return { ok: false, error: 'tooLong' };
  const trimmed = raw.trim();
  if (trimmed === '') return field.required ? { ok: false, error: 'required' } : { ok: true, value: '' };
  if (field.kind === 'text' && isSkip(trimmed)) return field.required ? { ok: false, error: 'cannotSkip' } : { ok: true, value: '' };
  switch (field.kind) {
    case 'text':
      return zodResult(textSchema(field.max ?? 200), trimmed);
    case 'email':
      return zodResult(emailSchema, trimmed);
    case 'country': {
      const match = matchCountry(trimmed);
      if (match.kind === 'one') return { ok: true, value: match.code };
      if (match.kind === 'several') return { ok: false, error: 'countryAmbiguous', choices: match.codes };
      return { ok: false, error: 'country' };
    }
    case 'choice':
      return matchChoice(field, trimmed, i18n);
    case 'consent': {
      const word = normalizeWord(trimmed);
      if (YES.includes(word)) return { ok: true, value: 'yes' };
      return { ok: false, error: NO.includes(word) ? 'consentRequired' : 'consent' };
    }
  }
}
