// Small core pieces on their own: language detection, bidi, dates, the clock, content validation, the command table.
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../src/commands/args.js';
import { defaultRegistry } from '../src/commands/registry.js';
import { shiftedClock } from '../src/core/clock.js';
import { ConfigError, readConfig } from '../src/core/config.js';
import { ContentError, loadContent } from '../src/core/content/load.js';
import { LANGS } from '../src/core/lang.js';
import { hasArabic, isolateLatin, rtlLines, stripBidi } from '../src/core/i18n/bidi.js';
import { langFromLocale } from '../src/core/i18n/detect.js';
import { Reader } from '../src/understanding/index.js';
import { readLocales } from '../src/core/i18n/i18n.js';
import { tempDir } from './helpers/bot.js';

describe('language detection', () => {
  it('reads Arabic script as Arabic and French words or accents as French; English is the default', () => {
    // The question reader tells the language of a message (tests/understanding/reader.test.ts has more).
    const reader = new Reader(loadContent('content'));
    const language = (text: string) => reader.language(text);
    expect(language('اليوم')).toBe('ar');
    expect(language("aujourd'hui")).toBe('fr');
    expect(language('resources Éthiopie')).toBe('fr');
    expect(language('programme 12 mai')).toBe('fr');
    expect(language('week 2')).toBeUndefined();
    expect(langFromLocale('fr-FR')).toBe('fr');
    expect(langFromLocale('ar_EG')).toBe('ar');
    expect(langFromLocale('de-DE')).toBeUndefined();
  });
});

describe('bidi', () => {
  it('starts Arabic lines right-to-left and isolates Latin runs whole', () => {
    const out = rtlLines('الجلسة w1-d2-a عن COVID-19 من 08:30–10:00 (UTC-4)');
    expect(out.startsWith('\u200f')).toBe(true);
    expect(out).toContain('\u2066w1-d2-a\u2069');
    expect(out).toContain('\u2066COVID-19\u2069');
    expect(out).toContain('\u206608:30–10:00 (UTC-4)\u2069');
    expect(isolateLatin('(w1-d2-a)')).toBe('\u2066(w1-d2-a)\u2069');
    expect(stripBidi(out)).toBe('الجلسة w1-d2-a عن COVID-19 من 08:30–10:00 (UTC-4)');
    expect(hasArabic('abc')).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['2021-05-04', '2021-05-04'],
    ['4 May', '2021-05-04'],
    ['May 4th', '2021-05-04'],
    ['4 mai', '2021-05-04'],
    ['4 مايو', '2021-05-04'],
    ['4/5', '2021-05-04'],
    ['4 5 2021', '2021-05-04'],
    ['31 juin', undefined],
    ['banana', undefined],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text, 2021)).toBe(expected);
  });
});

describe('clock', () => {
  it('starts at CKEX_NOW and runs on', () => {
    let real = 1_000_000;
    const clock = shiftedClock('2021-05-04T12:58:00Z', () => real);
    expect(clock.now().toISO()).toBe('2021-05-04T12:58:00.000Z');
    real += 120_000;
    expect(clock.now().toISO()).toBe('2021-05-04T13:00:00.000Z');
    expect(() => shiftedClock('yesterday')).toThrow(/CKEX_NOW/);
  });
});

describe('settings', () => {
  it('names the setting and the fix', () => {
    expect(() => readConfig({ CKEX_NOW: 'tomorrow' })).toThrow(ConfigError);
    expect(() => readConfig({ CKEX_NOW: 'tomorrow' })).toThrow(/CKEX_NOW.*ISO 8601/);
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(readConfig({ CKEX_ADMINS: 'U1ABC, console:local' }).CKEX_ADMINS).toEqual(['U1ABC', 'console:local']);
    expect(readConfig({}).PORT).toBe(3978);
  });
});

describe('content', () => {
  const content = loadContent('content');

  it('holds the event, four weeks, six special topics and sessions on every weekday', () => {
    expect(content.event.start).toBe('2021-05-03');
    expect(content.event.end).toBe('2021-05-26');
    expect(content.event.timeZone).toBe('America/New_York');
    expect(content.event.weeks.map((w) => w.title.en)).toContain('Tools and innovations');
    expect(content.event.specialTopics).toHaveLength(6);
    const dates = new Set(content.agenda.sessions.map((s) => s.date));
    expect(dates.size).toBe(18);
    expect(content.agenda.sample).toBe(true);
  });

  it('has every item of seed 003, each translated', () => {
    expect(content.library.resources).toHaveLength(13);
    for (const r of content.library.resources) for (const l of LANGS) expect(r.summary[l].length).toBeGreaterThan(20);
  });

  it('invents no names or links in the sample agenda', () => {
    const text = JSON.stringify(content.agenda);
    expect(text).not.toMatch(/https?:\/\//);
  });

  function broken(file: string, change: (json: any) => void): ContentError {
    const dir = tempDir('ckex-content-');
    cpSync('content', dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    change(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
    try {
      loadContent(dir);
    } catch (err) {
      return err as ContentError;
    }
    throw new Error('expected the content to be refused');
  }

  it('names the file, the JSON path and the problem', () => {
    const missing = broken('agenda.json', (j) => delete j.sessions[3].title.ar);
    expect(missing).toBeInstanceOf(ContentError);
    expect(missing.message).toContain('agenda.json');
    expect(missing.path).toBe('$.sessions[3].title.ar');
    const time = broken('agenda.json', (j) => (j.sessions[0].start = '8.30'));
    expect(time.message).toMatch(/\$\.sessions\[0\]\.start: expected a time as HH:MM/);
    const weekend = broken('agenda.json', (j) => (j.sessions[0].date = '2021-05-08'));
    expect(weekend.path).toBe('$.sessions[0].date');
    const dup = broken('resources.json', (j) => (j.resources[1].id = j.resources[0].id));
    expect(dup.message).toContain('duplicate resource id');
    const zone = broken('event.json', (j) => (j.timeZone = 'Mars/Olympus'));
    expect(zone.message).toContain('unknown time zone');
  });

  it('refuses a file that is not JSON', () => {
    const dir = tempDir('ckex-content-');
    cpSync('content', dir, { recursive: true });
    writeFileSync(join(dir, 'event.json'), '{ "id": ');
    expect(() => loadContent(dir)).toThrow(/event\.json: \$: cannot read this file as JSON/);
  });
});

describe('command table', () => {
  const registry = defaultRegistry();
  const en = readLocales('locales').en as { commands: Record<string, unknown> };

  it('has words in three languages for every command, with no collisions, and help text for each', () => {
    for (const spec of registry.commands) {
      for (const l of LANGS) expect(spec.aliases[l].length, `${spec.name} ${l}`).toBeGreaterThan(0);
      expect(en.commands[spec.name], spec.name).toBeDefined();
    }
  });

  it('every translation key the code names exists in English', () => {
    const files = ['src/commands', 'src/core'].flatMap((d) => listTs(d));
    const keys = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bt\('([\w.-]+)'/g)].map((m) => m[1]!)));
    const english = readLocales('locales').en;
    for (const key of keys) expect(hasKey(english, key), key).toBe(true);
    expect(keys.size).toBeGreaterThan(20);
  });
});

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTs(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Whether a dotted key names a string in the locale, directly or through its plural forms. */
function hasKey(locale: Record<string, unknown>, key: string): boolean {
  const parts = key.split('.');
  const last = parts.pop()!;
  let node: unknown = locale;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  const leaf = node as Record<string, unknown> | undefined;
  return typeof leaf?.[last] === 'string' || typeof leaf?.[`${last}_other`] === 'string';
}
