// A button's label typed instead of pressed ("Carry on", « Continuer », «متابعة») runs the button's command.
// Only buttons whose command never changes are listed (typed-labels.json); the form's own buttons (back, skip,
// cancel, confirm, edit, a choice) are read by the form.
import { z } from 'zod';
import { LANGS } from '../core/lang.js';
import type { I18n } from '../core/i18n/i18n.js';
import { phraseKey } from '../understanding/normalize.js';
import table from './typed-labels.json' with { type: 'json' };

const LABELS = z.record(z.string().regex(/^buttons\.\w+$/), z.string().min(1)).parse(table);

const cache = new WeakMap<I18n, Map<string, string>>();

function labelsOf(i18n: I18n): Map<string, string> {
  let map = cache.get(i18n);
  if (!map) {
    map = new Map(LANGS.flatMap((l) => Object.entries(LABELS).map(([key, command]) => [phraseKey(i18n.t(l)(key)), command] as const)).filter(([label]) => label !== ''));
    cache.set(i18n, map);
  }
  return map;
}

/** The command of the button whose label this message is, if any. */
export function typedLabel(i18n: I18n, text: string): string | undefined {
  return labelsOf(i18n).get(phraseKey(text));
}
