// Which form a form under way is: each kind's spec, run by the one engine (form-engine.ts).
import type { FormProgress } from '../core/store/records.js';
import { announceForm } from './announce/form.js';
import type { FormSpec } from './form-engine.js';
import { registrationForm } from './registration-form.js';

export const formOf = (progress: FormProgress): FormSpec => (progress.kind === 'announce' ? announceForm : registrationForm);

/** The commands that open a form: typed while one is open, they run rather than being taken for an answer. */
export const FORM_COMMANDS: ReadonlySet<string> = new Set([registrationForm.command, announceForm.command]);
