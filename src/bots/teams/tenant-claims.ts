// What botbuilder does not check in a token: its tenant. botbuilder 4.23 takes any Entra ID token's tenant as a
// valid issuer (so a single-tenant bot would accept a token of any tenant with its app id as audience); a
// SingleTenant or UserAssignedMSI bot accepts only its own tenant's. Bot Connector tokens (iss
// https://api.botframework.com) carry no tenant and are checked by botbuilder on audience and service URL.
// Calls from other bots (skills) are refused, as botbuilder does when no claims check is given.

interface Claim {
  type: string;
  value: unknown;
}

const ENTRA_ISSUER = /^https:\/\/(?:sts\.windows\.net|login\.microsoftonline\.(?:com|us))\/([0-9a-f-]{36})\/(?:v2\.0)?$/i;

export class TokenRefused extends Error {
  override name = 'TokenRefused';
}

/** The tenant a token is of: its `tid`, or the tenant its Entra ID issuer names; undefined for Bot Connector tokens. */
function tenantsOf(claims: Claim[]): string[] {
  const get = (type: string) => claims.find((c) => c.type === type)?.value;
  const tid = typeof get('tid') === 'string' ? (get('tid') as string) : undefined;
  const iss = typeof get('iss') === 'string' ? ENTRA_ISSUER.exec(get('iss') as string)?.[1] : undefined;
  return [tid, iss].filter((t): t is string => !!t).map((t) => t.toLowerCase());
}

/** The claims check of botbuilder's AuthenticationConfiguration: throws (a 401) for another tenant's token or a skill. */
export function claimsCheck(tenantId: string | undefined): (claims: Claim[]) => Promise<void> {
  const own = tenantId?.toLowerCase();
  return async (claims) => {
    const get = (type: string) => claims.find((c) => c.type === type)?.value;
    const caller = get('appid') ?? get('azp');
    if (get('ver') !== undefined && caller !== undefined && caller !== get('aud')) throw new TokenRefused('a call from another bot (skill) is not accepted');
    if (own === undefined) return;
    const tenants = tenantsOf(claims);
    if (tenants.some((t) => t !== own)) throw new TokenRefused('a token of another tenant');
  };
}
