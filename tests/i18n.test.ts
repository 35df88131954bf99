// Every key in every language, every plural form each language needs, the same placeholders everywhere.
import { describe, expect, it } from 'vitest';
import { readLocales } from '../src/core/i18n/i18n.js';
import { LANGS } from '../src/core/lang.js';
import { commandPhrase } from '../src/views/command-phrases.js';

const locales = readLocales('locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as Record<string, unknown>, path)) out.set(k, v);
  }
  return out;
}

const flat = Object.fromEntries(LANGS.map((l) => [l, flatten(locales[l])])) as Record<(typeof LANGS)[number], Map<string, string>>;
const baseKeys = (l: (typeof LANGS)[number]) => new Set([...flat[l].keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it.each(LANGS)('%s has every key of every other language', (lang) => {
    const all = new Set(LANGS.flatMap((l) => [...baseKeys(l)]));
    const missing = [...all].filter((k) => !baseKeys(lang).has(k));
    expect(missing).toEqual([]);
  });

  it.each(LANGS)('%s has every plural form its language needs', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const pluralBases = new Set(LANGS.flatMap((l) => [...flat[l].keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''))));
    const missing = [...pluralBases].flatMap((base) => categories.map((c) => `${base}_${c}`)).filter((k) => !flat[lang].has(k));
    expect(missing).toEqual([]);
    if (lang === 'ar') expect(categories).toHaveLength(6);
  });

  it.each(LANGS)('%s has no empty text and uses the English placeholders', (lang) => {
    for (const [key, value] of flat[lang]) {
      const english = flat.en.get(key) ?? flat.en.get(key.replace(PLURAL, '_other'));
      if (key.startsWith('commands.') && key.endsWith('.usage') && english === '') continue;
      // A usage may be left out where the language shows each sub-command whole, in its natural order instead
      // («بياناتي» then «حذف بياناتي», «تصدير بياناتي»): then its line of help and its message name them, not the usage.
      const command = /^commands\.(\w+)\.(usage|invalid)$/.exec(key);
      const wholeSubcommands = command && lang !== 'en' && flat[lang].get(`commands.${command[1]}.usage`) === '' && commandPhrase(`${command[1]} delete`, lang) !== undefined;
      if (wholeSubcommands && command[2] === 'usage') continue;
      expect(value.trim(), key).not.toBe('');
      if (english !== undefined && !/_(zero|one|two)$/.test(key)) expect(placeholders(value).filter((p) => !(wholeSubcommands && p === 'usage')), key).toEqual(placeholders(english).filter((p) => !(wholeSubcommands && p === 'usage')));
    }
  });
});
