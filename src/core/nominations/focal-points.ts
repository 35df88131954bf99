// Regional focal points, as listed in CKEX_FOCAL_POINTS ("U0123ABCD:MENA,29:…:AFW"): a platform user id and the
// region they nominate for. As with organisers, an id is honoured only on the platform that issues it.
import { platformOfAdminId, platformOfCaller } from '../admins.js';
import { REGIONS, type Region } from '../choices.js';

export type FocalPoints = ReadonlyMap<string, Region>;

/** "id:REGION" entries into a map, or the reason the setting is wrong. Teams ids hold colons: the region is last. */
export function parseFocalPoints(entries: readonly string[]): { points: Map<string, Region> } | { error: string } {
  const points = new Map<string, Region>();
  for (const entry of entries) {
    const at = entry.lastIndexOf(':');
    const id = entry.slice(0, Math.max(0, at)).trim();
    const region = entry.slice(at + 1).trim().toUpperCase();
    if (at < 0 || !(REGIONS as readonly string[]).includes(region)) return { error: `"${entry}" has no region after its id: expected id:REGION, the region one of ${REGIONS.join(', ')}` };
    if (!platformOfAdminId(id)) return { error: `"${id}" is not a platform user id: expected a Slack user id (U0123ABCD), a Teams id (29:…) or an Entra object id (a GUID), or console:local` };
    if (points.has(id)) return { error: `"${id}" is listed twice: give each focal point one region` };
    points.set(id, region as Region);
  }
  return { points };
}

/** The region this caller is the focal point for, if any: only ids of the caller's own platform count. */
export function focalRegionOf(points: FocalPoints, callerId: string, platformIds: readonly string[]): Region | undefined {
  const platform = platformOfCaller(callerId);
  if (!platform) return undefined;
  const candidates = platform === 'console' ? [callerId] : platformIds;
  for (const id of candidates) {
    const region = points.get(id);
    if (region && platformOfAdminId(id) === platform) return region;
  }
  return undefined;
}
