// The forms, each defined once: every surface (chat, Slack modal, Teams card) is driven from here. Registration's
// fields are below; the feedback form's (a rating and two comments) in feedback-fields.ts, with the same FieldDef.
import { INSTITUTIONS, INTERPRETATION, REGIONS, ROLES } from '../choices.js';

export type FieldKind = 'text' | 'email' | 'country' | 'choice' | 'consent' | 'rating';

/** One question of a conversational form; registration's ids by default, another form's its own. */
export interface FieldDef<I extends string = FieldId> {
  id: I;
  kind: FieldKind;
  required: boolean;
  max?: number;
  choices?: readonly string[];
}

export const FIELDS = [
  { id: 'name', kind: 'text', required: true, max: 120 },
  { id: 'email', kind: 'email', required: true, max: 254 },
  { id: 'organisation', kind: 'text', required: true, max: 160 },
  { id: 'country', kind: 'country', required: true },
  { id: 'role', kind: 'choice', required: true, choices: ROLES },
  { id: 'institution', kind: 'choice', required: true, choices: INSTITUTIONS },
  { id: 'region', kind: 'choice', required: true, choices: REGIONS },
  { id: 'nominatedBy', kind: 'text', required: false, max: 120 },
  { id: 'interpretation', kind: 'choice', required: true, choices: INTERPRETATION },
  { id: 'consent', kind: 'consent', required: true },
] as const satisfies readonly { id: string; kind: FieldKind; required: boolean; max?: number; choices?: readonly string[] }[];

export type FieldId = (typeof FIELDS)[number]['id'];
export const FIELD_IDS = FIELDS.map((f) => f.id) as FieldId[];

export const fieldById = (id: string): FieldDef | undefined => (FIELDS as readonly FieldDef[]).find((f) => f.id === id);

/** Answers as stored: each field's value in canonical form (an email in lower case, a country code, a choice id). */
export type Answers = Partial<Record<FieldId, string>>;
