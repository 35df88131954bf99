// Organisers, as listed in CKEX_ADMINS. An id is honoured only on the platform that issues it: a Teams caller
// who names itself "UADMIN" (a Slack id) or "console:local" is not the Slack organiser or the console.
export type Platform = 'slack' | 'teams' | 'console';

const SHAPES: [Platform, RegExp][] = [
  ['console', /^console:local$/],
  ['slack', /^[UW][A-Z0-9]{2,20}$/], // Slack user ids
  ['teams', /^29:[\w.:@=+/-]{1,200}$/], // Teams user ids
  ['teams', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i], // Entra ID (AAD) object ids
];

/** The platform an organiser id belongs to, or undefined when it has no known shape. */
export function platformOfAdminId(id: string): Platform | undefined {
  return SHAPES.find(([, shape]) => shape.test(id))?.[0];
}

/** The platform a caller speaks from, read from its id's prefix ("slack:T1:U1", "teams:29:…", "console:local"). */
export function platformOfCaller(callerId: string): Platform | undefined {
  const prefix = callerId.split(':', 1)[0];
  return prefix === 'slack' || prefix === 'teams' || prefix === 'console' ? prefix : undefined;
}

export function isOrganiser(admins: ReadonlySet<string>, callerId: string, platformIds: readonly string[]): boolean {
  const platform = platformOfCaller(callerId);
  if (!platform) return false;
  const candidates = platform === 'console' ? [callerId] : platformIds;
  return candidates.some((id) => admins.has(id) && platformOfAdminId(id) === platform);
}
