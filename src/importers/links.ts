// The links a source gives a session (its page, the join address, materials, the recording), in one order, each
// checked for https:// where it is read so a problem names the row; content/schema.ts checks the address whole.
import { LINK_KINDS, type LinkKind, type SessionLinks } from '../core/content/schema.js';

export const isHttps = (address: string): boolean => /^https:\/\/\S+$/i.test(address);

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
