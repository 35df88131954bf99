// The Microsoft Teams app package: manifest and localization files checked against Microsoft's own
// JSON schemas (vendored under tests/fixtures/teams-schema, so no network), the icons, and the zip.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage, zipTeamsPackage } from '../scripts/package-teams.js';

const SCHEMA_DIR = 'tests/fixtures/teams-schema';
const TEAMS_DIR = 'manifest/teams';
const SAMPLE_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const SCOPES = ['personal', 'team', 'groupChat'];
const COMMANDS = ['help', 'today', 'tomorrow', 'now', 'week', 'agenda', 'session', 'resources', 'lang', 'register', 'me'];

const readJson = (path: string): Record<string, any> => JSON.parse(readFileSync(path, 'utf8'));

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/**
 * Microsoft's schemas declare draft-04 in "$schema" but use draft-06+ keywords ("const"), and Ajv 8
 * ships no draft-04 meta-schema: validateSchema is off so that "$schema" is not looked up. The
 * localization schema has a pattern ("\b]") that is invalid with the regexp "u" flag, hence
 * unicodeRegExp: false. The schema files themselves are unmodified.
 */
function compile(file: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(readJson(`${SCHEMA_DIR}/${file}`));
}

const manifestSchema = readJson(`${SCHEMA_DIR}/MicrosoftTeams.schema.json`);
const validateManifest = compile('MicrosoftTeams.schema.json');
const validateLocalization = compile('MicrosoftTeams.Localization.schema.json');

function errors(validate: ValidateFunction, data: unknown): string[] {
  validate(data);
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

const manifest = readJson(`${TEAMS_DIR}/manifest.json`);
const fr = readJson(`${TEAMS_DIR}/fr.json`);
const ar = readJson(`${TEAMS_DIR}/ar.json`);

/** Width, height, colour type and the unfiltered pixel rows of an 8-bit, non-interlaced PNG. */
function readPng(bytes: Uint8Array): { width: number; height: number; colorType: number; pixels: Uint8Array; channels: number } {
  const buf = Buffer.from(bytes);
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const bitDepth = buf[24]!;
  const colorType = buf[25]!;
  const interlace = buf[28]!;
  expect(bitDepth).toBe(8);
  expect(interlace).toBe(0);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType as 0 | 2 | 4 | 6];
  if (!channels) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(width * height * channels);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter];
      if (pred === undefined) throw new Error(`bad PNG filter ${filter}`);
      cur[i] = (line[i]! + pred) & 0xff;
    }
    pixels.set(cur, y * stride);
    prev = cur;
  }
  return { width, height, colorType, pixels, channels };
}

describe('Teams manifest (manifest/teams/manifest.json)', () => {
  it('uses the vendored schema version', () => {
    expect(manifestSchema.properties.manifestVersion.const).toBe(manifest.manifestVersion);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
  });

  it('is valid against the official Teams manifest schema', () => {
    expect(errors(validateManifest, manifest)).toEqual([]);
  });

  it('the validator does reject a broken manifest', () => {
    const broken = structuredClone(manifest);
    broken.id = 'not-a-guid';
    broken.bots[0].scopes = ['everyone'];
    delete broken.icons;
    const found = errors(validateManifest, broken).join('\n');
    expect(found).toMatch(/\/id/);
    expect(found).toMatch(/\/bots\/0\/scopes\/0/);
    expect(found).toMatch(/icons/);
  });

  it('has placeholder ids, filled in at packaging time', () => {
    expect(manifest.id).toBe('00000000-0000-0000-0000-000000000000');
    expect(manifest.bots).toHaveLength(1);
    expect(manifest.bots[0].botId).toBe('00000000-0000-0000-0000-000000000000');
  });

  it('declares a conversational bot in every scope, with one command list per scope', () => {
    const bot = manifest.bots[0];
    expect(bot.scopes).toEqual(SCOPES);
    expect(bot.isNotificationOnly).toBe(false);
    expect(bot.supportsFiles).toBe(false);
    const maxCommands: number = manifestSchema.properties.bots.items.properties.commandLists.items.properties.commands.maxItems;
    const expected = maxCommands >= COMMANDS.length ? COMMANDS : COMMANDS.filter((c) => c !== 'tomorrow');
    for (const scope of SCOPES) {
      const lists = bot.commandLists.filter((l: { scopes: string[] }) => l.scopes.includes(scope));
      expect(lists, scope).toHaveLength(1);
      const titles = lists[0].commands.map((c: { title: string }) => c.title);
      expect(titles).toEqual(expected);
      expect(titles.length).toBeLessThanOrEqual(maxCommands);
      for (const c of lists[0].commands) expect(c.description.length).toBeGreaterThan(0);
    }
  });

  it('points at the icons and localization files that exist beside it', () => {
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.accentColor).toBe('#002244');
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest.validDomains).toEqual([]);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en',
      additionalLanguages: [
        { languageTag: 'fr', file: 'fr.json' },
        { languageTag: 'ar', file: 'ar.json' },
      ],
    });
  });
});

describe('Teams localization files', () => {
  for (const [lang, strings] of [['fr', fr], ['ar', ar]] as const) {
    it(`${lang}.json is valid against the official localization schema`, () => {
      expect(errors(validateLocalization, strings)).toEqual([]);
      expect(strings.$schema).toBe(`https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`);
    });

    it(`${lang}.json translates the names, descriptions and every bot command`, () => {
      const expected = ['$schema', 'name.short', 'name.full', 'description.short', 'description.full'];
      manifest.bots[0].commandLists.forEach((list: { commands: unknown[] }, i: number) => {
        list.commands.forEach((_, j) => {
          expected.push(`bots[0].commandLists[${i}].commands[${j}].title`, `bots[0].commandLists[${i}].commands[${j}].description`);
        });
      });
      expect(Object.keys(strings).sort()).toEqual(expected.sort());
      for (const key of expected.slice(1)) expect(String(strings[key]).trim().length, key).toBeGreaterThan(0);
      expect(strings['name.full']).not.toBe(manifest.name.full);
      expect(strings['description.full']).not.toBe(manifest.description.full);
    });
  }

  it('the Arabic strings are in Arabic script', () => {
    expect(ar['description.full']).toMatch(/[\u0600-\u06FF]{3,}/);
    expect(ar['bots[0].commandLists[0].commands[0].title']).toMatch(/^[\u0600-\u06FF]+$/);
  });

  it('the validator does reject an unknown key', () => {
    expect(errors(validateLocalization, { ...fr, 'bots[0].nonsense': 'x' }).length).toBeGreaterThan(0);
  });
});

describe('Teams icons', () => {
  it('color.png is a 192×192 full-colour, opaque PNG', () => {
    const png = readPng(readFileSync(`${TEAMS_DIR}/color.png`));
    expect([png.width, png.height]).toEqual([192, 192]);
    expect([2, 6]).toContain(png.colorType);
    if (png.channels === 4) for (let i = 3; i < png.pixels.length; i += 4) expect(png.pixels[i]).toBe(255);
    // The background is the accent colour.
    expect([...png.pixels.subarray(0, 3)]).toEqual([0x00, 0x22, 0x44]);
  });

  it('outline.png is a 32×32 PNG of white pixels on a transparent background', () => {
    const png = readPng(readFileSync(`${TEAMS_DIR}/outline.png`));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.colorType).toBe(6);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < png.pixels.length; i += 4) {
      const [r, g, b, a] = png.pixels.subarray(i, i + 4);
      if (a === 0) transparent++;
      else {
        expect([r, g, b]).toEqual([255, 255, 255]);
        opaque++;
      }
    }
    expect(opaque).toBeGreaterThan(50);
    expect(transparent).toBeGreaterThan(opaque);
    expect(png.pixels[3]).toBe(0); // the corner is transparent
  });
});

describe('Teams app package (scripts/package-teams.ts)', () => {
  const pkg = buildTeamsPackage({ appId: SAMPLE_ID, publicUrl: 'https://ckex.example.org' });

  it('fills in the app id, the bot id and the public host, and stays valid', () => {
    expect(pkg.manifest.id).toBe(SAMPLE_ID);
    expect((pkg.manifest.bots as { botId: string }[])[0]!.botId).toBe(SAMPLE_ID);
    expect(pkg.manifest.validDomains).toEqual(['ckex.example.org']);
    expect(pkg.manifest.version).toBe('1.0.0');
    expect(errors(validateManifest, pkg.manifest)).toEqual([]);
  });

  it('takes a version override and rejects ids that are not GUIDs', () => {
    expect(buildTeamsPackage({ appId: SAMPLE_ID, version: '1.2.3' }).manifest.version).toBe('1.2.3');
    expect(buildTeamsPackage({ appId: SAMPLE_ID }).manifest.validDomains).toEqual([]);
    expect(() => buildTeamsPackage({ appId: 'my-bot' })).toThrow(/GUID/);
    expect(() => buildTeamsPackage({ appId: SAMPLE_ID, version: 'v2' })).toThrow(/version/);
  });

  it('zips exactly the five files at the root, with the ids filled in', () => {
    const unzipped = unzipSync(zipTeamsPackage(pkg));
    expect(Object.keys(unzipped).sort()).toEqual(['ar.json', 'color.png', 'fr.json', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(new TextDecoder().decode(unzipped['manifest.json']));
    expect(packed.id).toBe(SAMPLE_ID);
    expect(packed.bots[0].botId).toBe(SAMPLE_ID);
    expect(JSON.stringify(packed)).not.toContain('00000000-0000-0000-0000-000000000000');
    expect(errors(validateManifest, packed)).toEqual([]);
    for (const name of ['color.png', 'outline.png', 'fr.json', 'ar.json']) {
      expect(Buffer.from(unzipped[name]!).equals(readFileSync(`${TEAMS_DIR}/${name}`)), name).toBe(true);
    }
  });
});
