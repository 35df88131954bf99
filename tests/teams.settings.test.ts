// Issue 28: the Teams settings are checked together at start-up, in our words, every problem at once with its fix:
// single-tenant and user-assigned managed identity bots (the only kinds Azure creates since 31 July 2025) need their
// tenant id; a managed identity has no password; an app id is a GUID; an app id with no password would accept
// messages and fail every reply.
import { describe, expect, it } from 'vitest';
import { teamsMode } from '../src/bots/teams/mode.js';
import { teamsSettingsProblems } from '../src/bots/teams/settings.js';
import { ConfigError, readConfig } from '../src/core/config.js';
import { tempDir } from './helpers/bot.js';
import { failedStart } from './helpers/spawn-server.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const settings = (env: Record<string, string>) => teamsSettingsProblems(readConfig(env)).map((p) => [p.setting, p.problem]);
const refusal = (env: Record<string, string>): string => {
  try {
    teamsMode(readConfig(env));
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the settings were accepted');
};

describe('the Teams settings, checked together', () => {
  it('accepts each kind of bot Azure has: single-tenant, user-assigned managed identity, an existing multi-tenant one', () => {
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 's3cret' })).toEqual([]);
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT })).toEqual([]);
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: 's3cret' })).toEqual([]);
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 's3cret' })).toEqual([]); // the type unset is MultiTenant, as before
    expect(teamsMode(readConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }))).toBe('authenticated');
  });

  it.each(['SingleTenant', 'UserAssignedMSI'])('%s without MicrosoftAppTenantId is refused, naming where the tenant id is', (type) => {
    const message = refusal({ MicrosoftAppId: APP_ID, MicrosoftAppType: type, ...(type === 'SingleTenant' ? { MicrosoftAppPassword: 's3cret' } : {}) });
    expect(message).toBe(
      `environment: the Teams settings do not work together (1 problem):\n  setting MicrosoftAppTenantId: is required with MicrosoftAppType=${type}; set it to the Directory (tenant) ID, a GUID, from Microsoft Entra ID → Overview (or the Azure Bot's Configuration, "App Tenant ID")`,
    );
    expect(message).not.toMatch(/in configuration\./); // never botbuilder's words
  });

  it('UserAssignedMSI with a password is refused: a managed identity has no secret', () => {
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 's3cret' })).toEqual([
      ['MicrosoftAppPassword', 'must not be set with MicrosoftAppType=UserAssignedMSI: the managed identity has no secret'],
    ]);
  });

  it('an app id or a tenant id that is not a GUID is refused, and an app type that does not exist', () => {
    expect(settings({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 's3cret' })).toEqual([['MicrosoftAppId', '"my-bot" is not a GUID']]);
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'contoso', MicrosoftAppPassword: 's3cret' })).toEqual([['MicrosoftAppTenantId', '"contoso" is not a GUID']]);
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'Multitenant-ish', MicrosoftAppPassword: 's3cret' })).toEqual([['MicrosoftAppType', '"Multitenant-ish" is not an app type']]);
  });

  it('an app id with no password says what would fail instead of starting "Teams is on"', () => {
    expect(settings({ MicrosoftAppId: APP_ID })).toEqual([
      ['MicrosoftAppPassword', 'is not set and MicrosoftAppType is not set, so the bot runs as MultiTenant: Teams would accept messages and every reply would fail (the bot cannot get a token to answer)'],
    ]);
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT })[0]![1]).toContain('is required with MicrosoftAppType=SingleTenant: without it every reply fails');
  });

  it('a tenant id with no app type (so MultiTenant, which ignores it) is refused: new bots are SingleTenant', () => {
    expect(settings({ MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT, MicrosoftAppPassword: 's3cret' })).toEqual([['MicrosoftAppTenantId', 'is set but MicrosoftAppType is not set, so the bot runs as MultiTenant, which ignores it']]);
  });

  it('without an app id, any other Teams setting is refused', () => {
    expect(settings({ MicrosoftAppPassword: 's3cret', MicrosoftAppTenantId: TENANT }).map(([s]) => s)).toEqual(['MicrosoftAppPassword', 'MicrosoftAppTenantId']);
  });

  it('npm start tells every problem at once, in our words, and exits', async () => {
    const { code, output } = await failedStart({ DATA_DIR: tempDir(), MicrosoftAppId: 'not-a-guid', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: 's3cret' });
    expect(code).toBe(1);
    expect(output).toContain('the Teams settings do not work together (3 problems):');
    for (const setting of ['MicrosoftAppId: "not-a-guid" is not a GUID', 'MicrosoftAppTenantId: is required with MicrosoftAppType=UserAssignedMSI', 'MicrosoftAppPassword: must not be set']) expect(output).toContain(`setting ${setting}`);
    expect(output).not.toMatch(/in configuration\.|AssertionError/);
  });
});
