// The Teams settings checked together, before botbuilder sees them: botbuilder asserts one at a time, in its own
// words ("MicrosoftAppTenantId is required for MSI in configuration."), and says nothing of an app id with no
// password (every reply would fail). Each problem names the setting and the fix; all are told at once.
import { z } from 'zod';
import type { Config } from '../../core/config.js';

export const APP_TYPES = ['SingleTenant', 'UserAssignedMSI', 'MultiTenant'] as const;
export type AppType = (typeof APP_TYPES)[number];

export interface SettingProblem {
  setting: string;
  problem: string;
  fix: string;
}

const isGuid = (v: string): boolean => z.guid().safeParse(v).success;
const APP_ID_PLACE = 'Azure Bot → Settings → Configuration, "Microsoft App ID"';
const TENANT_PLACE = 'the Directory (tenant) ID, a GUID, from Microsoft Entra ID → Overview (or the Azure Bot\'s Configuration, "App Tenant ID")';

type TeamsSettings = Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId' | 'ToBotFromChannelOpenIdMetadataUrl' | 'ToBotFromEmulatorOpenIdMetadataUrl'>;

const LOOPBACK = /^http:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?\//i;

/** Every problem of the Teams settings as a whole; none when Teams is off or the combination works. */
export function teamsSettingsProblems(c: TeamsSettings): SettingProblem[] {
  const out: SettingProblem[] = [];
  const add = (setting: string, problem: string, fix: string) => out.push({ setting, problem, fix });
  // The keys that sign incoming tokens come from there: never over plain http but on this machine (tests).
  for (const name of ['ToBotFromChannelOpenIdMetadataUrl', 'ToBotFromEmulatorOpenIdMetadataUrl'] as const) {
    const url = c[name];
    if (url && !/^https:\/\//i.test(url) && !LOOPBACK.test(url)) add(name, `"${url}" is neither https:// nor on this machine`, 'give the https:// address of the OpenID metadata document, or leave it unset for the public Azure cloud');
  }
  if (!c.MicrosoftAppId) {
    for (const name of ['MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId'] as const) {
      if (c[name]) add(name, 'is set but MicrosoftAppId is not', `set MicrosoftAppId (${APP_ID_PLACE}) or remove ${name}`);
    }
    return out;
  }
  if (!isGuid(c.MicrosoftAppId)) add('MicrosoftAppId', `"${c.MicrosoftAppId}" is not a GUID`, `copy the Microsoft App ID (a GUID such as 00000000-0000-0000-0000-000000000000) from ${APP_ID_PLACE}; with a managed identity, its Client ID`);
  const type = c.MicrosoftAppType;
  if (type !== undefined && !(APP_TYPES as readonly string[]).includes(type)) {
    add('MicrosoftAppType', `"${type}" is not an app type`, 'set SingleTenant or UserAssignedMSI (new bots), or MultiTenant (a bot created multi-tenant before 31 July 2025), as the Azure Bot\'s Configuration shows');
    return out;
  }
  const tenant = c.MicrosoftAppTenantId;
  const password = c.MicrosoftAppPassword;
  if (type === 'SingleTenant' || type === 'UserAssignedMSI') {
    if (!tenant) add('MicrosoftAppTenantId', `is required with MicrosoftAppType=${type}`, `set it to ${TENANT_PLACE}`);
    else if (!isGuid(tenant)) add('MicrosoftAppTenantId', `"${tenant}" is not a GUID`, `set it to ${TENANT_PLACE}`);
  }
  if (type === 'UserAssignedMSI' && password) add('MicrosoftAppPassword', 'must not be set with MicrosoftAppType=UserAssignedMSI: the managed identity has no secret', 'remove MicrosoftAppPassword, or set MicrosoftAppType=SingleTenant if the bot uses a client secret');
  if (type === 'SingleTenant' && !password) add('MicrosoftAppPassword', 'is required with MicrosoftAppType=SingleTenant: without it every reply fails (the bot cannot get a token to answer)', 'set the client secret\'s value (Azure Bot → Configuration → Manage Password → Certificates & secrets), or MicrosoftAppType=UserAssignedMSI on an Azure host with a user-assigned managed identity');
  if (type === undefined || type === 'MultiTenant') {
    const as = type === undefined ? 'MicrosoftAppType is not set, so the bot runs as MultiTenant' : 'MicrosoftAppType=MultiTenant';
    if (!password) add('MicrosoftAppPassword', `is not set and ${as}: Teams would accept messages and every reply would fail (the bot cannot get a token to answer)`, 'set MicrosoftAppType=SingleTenant with MicrosoftAppTenantId and MicrosoftAppPassword, or UserAssignedMSI with MicrosoftAppTenantId (new bots); for a multi-tenant bot created before 31 July 2025, set MicrosoftAppPassword');
    if (tenant) add('MicrosoftAppTenantId', `is set but ${as}, which ignores it`, 'set MicrosoftAppType=SingleTenant (or UserAssignedMSI) if the bot was created so, as new bots are; for a multi-tenant bot, remove MicrosoftAppTenantId');
  }
  return out;
}

/** The problems as start-up prints them: one line each, setting first. */
export function settingsMessage(problems: SettingProblem[]): string {
  const head = `environment: the Teams settings do not work together (${problems.length} problem${problems.length === 1 ? '' : 's'}):`;
  return [head, ...problems.map((p) => `  setting ${p.setting}: ${p.problem}; ${p.fix}`)].join('\n');
}
