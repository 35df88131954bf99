// i18next over locales/{en,fr,ar}/translation.json, loaded once at start-up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { LANGS, type Lang } from '../content/schema.js';
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
      return (key, options) => typography(tf(key, options ?? {}) as string, lang);
    },
  };
}
