// Builds the Microsoft Teams app package (a zip to upload in Teams or the Teams Developer Portal)
// from manifest/teams/: fills in the app and bot id, the bot's public host and, optionally, the version.
//
//   MicrosoftAppId=<guid> PUBLIC_URL=https://bot.example.org npm run package:teams [-- --out FILE]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { readArgs } from './cli.js';
import { ROOT } from './root.js';

export const TEAMS_MANIFEST_DIR = join(ROOT, 'manifest', 'teams');
export const DEFAULT_OUT = join(ROOT, 'dist', 'ckex-teams.zip');

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

export interface TeamsPackageOptions {
  /** The bot's Microsoft App ID (a GUID); used as the Teams app id and the bot id. */
  appId: string;
  /** The bot's public base URL; its host is added to validDomains. */
  publicUrl?: string;
  /** Overrides the manifest's version (x.y.z). */
  version?: string;
}

export interface TeamsPackage {
  manifest: Record<string, unknown>;
  /** The files of the zip, by name, at its root. */
  files: Record<string, Uint8Array>;
}

interface ManifestShape {
  id: string;
  version: string;
  icons: { color: string; outline: string };
  bots?: { botId: string }[];
  validDomains?: string[];
  localizationInfo?: { additionalLanguages?: { file: string }[] };
}

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** The manifest with the ids filled in, and every file the package needs, read from `dir`. */
export function buildTeamsPackage(options: TeamsPackageOptions, dir: string = TEAMS_MANIFEST_DIR): TeamsPackage {
  const { appId, publicUrl, version } = options;
  if (!isGuid(appId)) throw new Error(`the app id must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), not "${appId}"`);
  if (appId === PLACEHOLDER_ID) throw new Error('the app id is still the placeholder 00000000-0000-0000-0000-000000000000');
  if (version !== undefined && !SEMVER.test(version)) throw new Error(`the version must look like 1.2.3, not "${version}"`);

  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as ManifestShape & Record<string, unknown>;
  manifest.id = appId;
  for (const bot of manifest.bots ?? []) bot.botId = appId;
  if (version !== undefined) manifest.version = version;
  if (publicUrl) {
    let host: string;
    try {
      const url = new URL(publicUrl);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
      host = url.host;
    } catch {
      throw new Error(`PUBLIC_URL must be an absolute URL such as https://bot.example.org, not "${publicUrl}"`);
    }
    const domains = manifest.validDomains ?? [];
    if (!domains.includes(host)) domains.push(host);
    manifest.validDomains = domains;
  }

  const names = [manifest.icons.color, manifest.icons.outline, ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)];
  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const name of names) {
    if (name.includes('/') || name.includes('\\')) throw new Error(`manifest/teams files must sit beside manifest.json: "${name}"`);
    files[name] = new Uint8Array(readFileSync(resolve(dir, name)));
  }
  return { manifest, files };
}

/** The zip's bytes. */
export function zipTeamsPackage(pkg: TeamsPackage): Uint8Array {
  return zipSync(pkg.files, { level: 9 });
}

function parseOut(argv: string[]): string {
  let out = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error('--out needs a file name, e.g. --out dist/ckex-teams.zip');
      out = resolve(value);
    } else if (arg.startsWith('--out=')) {
      out = resolve(arg.slice('--out='.length));
    } else {
      throw new Error(`unknown argument "${arg}" (the only option is --out FILE)`);
    }
  }
  return out;
}

const USAGE = 'usage: MicrosoftAppId=<guid> [PUBLIC_URL=https://…] [TEAMS_APP_VERSION=x.y.z] npm run package:teams [-- --out FILE]\nwrites the Teams app package (default dist/ckex-teams.zip)';

function main(): number {
  readArgs(process.argv.slice(2), USAGE, { out: { type: 'string' } });
  const appId = process.env.MicrosoftAppId?.trim();
  if (!appId || !isGuid(appId) || appId === PLACEHOLDER_ID) {
    console.error(
      [
        appId ? `MicrosoftAppId is not a valid GUID: "${appId}".` : 'MicrosoftAppId is not set.',
        'Set the environment variable MicrosoftAppId to your bot\'s Microsoft App ID (a GUID such as 12345678-abcd-4ef0-9876-0123456789ab).',
        'Find it in the Azure portal: your Azure Bot resource → Configuration → Microsoft App ID.',
      ].join('\n'),
    );
    return 1;
  }
  try {
    const out = parseOut(process.argv.slice(2));
    const pkg = buildTeamsPackage({
      appId,
      publicUrl: process.env.PUBLIC_URL?.trim() || undefined,
      version: process.env.TEAMS_APP_VERSION?.trim() || undefined,
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zipTeamsPackage(pkg));
    const domains = (pkg.manifest.validDomains as string[] | undefined) ?? [];
    console.log(`Wrote the Teams app package to ${out}`);
    console.log(`  app id / bot id: ${appId}, version ${String(pkg.manifest.version)}, valid domains: ${domains.length ? domains.join(', ') : '(none: PUBLIC_URL is not set)'}`);
    console.log(`  files: ${Object.keys(pkg.files).join(', ')}`);
    return 0;
  } catch (err) {
    console.error(`package:teams failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.exitCode = main();
}
