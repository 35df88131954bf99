// The links a source gives a session (its page, the join address, materials, the recording), in one order. A link
// the bot could not show (http://, no domain name, a password in it) is left out and listed in the report: a
// self-hosted pretalx writes http:// pages, and a link is never worth refusing the agenda for.
import { httpsUrl, LINK_KINDS, type LinkKind, type SessionLinks } from '../core/content/schema.js';

export const isHttps = (address: string): boolean => /^https:\/\/\S+$/i.test(address);

/** A link left out of the import: where, which, and why (the report lists each). */
export interface LeftOutLink {
  line: number;
  kind: LinkKind | 'url';
  address: string;
  /** "not https://", or what makes an https:// address one the bot cannot show. */
  why: string;
}

/** Why the bot would not show `address` (content/schema.ts's httpsUrl), or undefined when it would. */
export function whyNotShown(address: string): string | undefined {
  if (!isHttps(address)) return 'not https://';
  if (httpsUrl.safeParse(address).success) return undefined;
  if (address.length > 2000) return 'longer than 2000 characters';
  if (/^https:\/\/[^/?#]*@/i.test(address)) return 'a user name or password in it';
  return 'no domain name';
}

/** The links the bot can show, and the others left out with the line they came from. */
export function showable(links: Partial<Record<LinkKind, string | undefined>>, line: number): { links: SessionLinks; leftOut: LeftOutLink[] } {
  const kept: Partial<Record<LinkKind, string>> = {};
  const leftOut: LeftOutLink[] = [];
  for (const kind of LINK_KINDS) {
    const address = links[kind]?.trim();
    if (!address) continue;
    const why = whyNotShown(address);
    if (why) leftOut.push({ line, kind, address, why });
    else kept[kind] = address;
  }
  return { links: orderedLinks(kept), leftOut };
}

/** The links in the schema's order (page, join, materials, recording), without empty ones: re-imports compare equal. */
export function orderedLinks(links: Partial<Record<LinkKind, string | undefined>> | undefined): SessionLinks {
  const out: SessionLinks = {};
  for (const kind of LINK_KINDS) {
    const address = links?.[kind]?.trim();
    if (address) out[kind] = address;
  }
  return out;
}

export const hasLinks = (links: SessionLinks | undefined): boolean => LINK_KINDS.some((k) => links?.[k] !== undefined);

/**
 * What a link listed in a schedule is, from its title ("Slides", "Recording", « Enregistrement », "تسجيل"):
 * materials or a recording. A link of no recognisable kind is left out rather than guessed.
 */
export function kindOfTitle(title: string | undefined): 'materials' | 'recording' | undefined {
  const t = (title ?? '').toLowerCase();
  if (/record|video|vod|replay|enregistrement|vidéo|تسجيل|فيديو/u.test(t)) return 'recording';
  if (/slide|material|presentation|document|handout|pdf|paper|support|diapo|présentation|عرض|مواد|وثائق|شرائح/u.test(t)) return 'materials';
  return undefined;
}
