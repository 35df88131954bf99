// i18next over locales/{en,fr,ar}/translation.json, loaded once at start-up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { LANGS, type Lang } from '../lang.js';
import { typography } from './typography.js';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface I18n {
  t(lang: Lang): Translate;
}

export function readLocales(dir: string): Record<Lang, Record<string, unknown>> {
  const out = {} as Record<Lang, Record<string, unknown>>;
  for (const lang of LANGS) {
    const file = join(dir, lang, 'translation.json');
    try {
      out[lang] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`${file}: cannot read this locale file (${(err as Error).message}); fix the JSON and start again`);
    }
  }
  return out;
}

/** Options i18next reads itself: never values to put into a string. */
const I18NEXT_OPTIONS = new Set(['context', 'defaultValue', 'lng', 'lngs', 'ns', 'keySeparator', 'nsSeparator', 'postProcess']);

export function createI18n(dir: string): I18n {
  const locales = readLocales(dir);
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: Object.fromEntries(LANGS.map((l) => [l, { translation: locales[l] }])),
    lng: 'en',
    fallbackLng: false,
    supportedLngs: [...LANGS],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const fixed = new Map<Lang, TFunction>(LANGS.map((l) => [l, instance.getFixedT(l)]));
  return {
    t(lang) {
      const tf = fixed.get(lang)!;
      return (key, options) => {
        // Typography is the template's: an English title or a user's words put into it keep their own punctuation.
        const values: string[] = [];
        const masked = Object.fromEntries(Object.entries(options ?? {}).map(([k, v]) => (typeof v === 'string' && !I18NEXT_OPTIONS.has(k) ? [k, `\ue000${values.push(v) - 1}\ue001`] : [k, v])));
        return typography(tf(key, masked) as string, lang).replace(/\ue000(\d+)\ue001/g, (_m, i: string) => values[Number(i)]!);
      };
    },
  };
}
