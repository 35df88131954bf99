// Who an announcement is for, as an organiser types it: a number or word for the plain audiences (all confirmed,
// pending, the subscribed channels), or a word and a value ("region MENA", « langue fr », "starred w1-d2-a").
import { INTERPRETATION, REGIONS, type Region } from '../choices.js';
import { normalizeWord } from '../i18n/normalize.js';
import type { Audience } from '../store/announcement.js';

export type AudienceRead = { ok: true; audience: Audience } | { ok: false; error: 'audience' | 'unknownRegion' | 'unknownLanguage' | 'unknownSession'; given: string };

const words = (list: string[]) => new Set(list.map(normalizeWord));

/** The audiences chosen by a button's number, in the order the question lists them. */
export const PLAIN_AUDIENCES = ['confirmed', 'pending', 'channels'] as const;

const PLAIN: Record<(typeof PLAIN_AUDIENCES)[number], Set<string>> = {
  confirmed: words(['confirmed', 'all confirmed', 'all', 'everyone', 'participants', 'confirmés', 'confirmes', 'tous', 'tous les confirmés', 'المؤكدون', 'المؤكدين', 'الجميع', 'كل المؤكدين']),
  pending: words(['pending', 'waiting', 'en attente', 'attente', 'قيد الانتظار', 'المعلقة', 'المنتظرون']),
  channels: words(['channels', 'subscribed channels', 'canaux', 'canaux abonnés', 'chaînes', 'القنوات', 'القنوات المشتركة']),
};
const REGION = words(['region', 'région', 'منطقة', 'المنطقة', 'الإقليم']);
const LANGUAGE = words(['language', 'interpretation', 'langue', 'interprétation', 'لغة', 'اللغة', 'الترجمة']);
const STARRED = words(['starred', 'star', 'favoris', 'favori', 'étoile', 'المفضلة', 'مفضلة']);
/** The interpretation choices by the names people give them. */
const LANGUAGES: Record<(typeof INTERPRETATION)[number], Set<string>> = {
  ar: words(['ar', 'arabic', 'arabe', 'العربية', 'عربي']),
  fr: words(['fr', 'french', 'français', 'francais', 'الفرنسية', 'فرنسي']),
  none: words(['none', 'no', 'english', 'aucune', 'anglais', 'بدون', 'الإنجليزية']),
};

export function readAudience(raw: string, hasSession: (id: string) => boolean): AudienceRead {
  const typed = normalizeWord(raw.trim().replace(/[.!?؟]+$/u, ''));
  const index = /^\d+$/.test(typed) ? Number(typed) - 1 : -1;
  if (index >= 0 && index < PLAIN_AUDIENCES.length) return { ok: true, audience: { kind: PLAIN_AUDIENCES[index]! } };
  for (const kind of PLAIN_AUDIENCES) if (PLAIN[kind].has(typed)) return { ok: true, audience: { kind } };
  const [first = '', ...rest] = typed.split(/\s+/);
  const value = rest.join(' ');
  /** The value as typed, to name it back. */
  const given = raw.trim().split(/\s+/).slice(1).join(' ').slice(0, 80);
  const code = (value || first).toUpperCase();
  if (REGION.has(first) || (rest.length === 0 && (REGIONS as readonly string[]).includes(code))) {
    return (REGIONS as readonly string[]).includes(code) ? { ok: true, audience: { kind: 'region', region: code as Region } } : { ok: false, error: 'unknownRegion', given };
  }
  if (LANGUAGE.has(first)) {
    const language = INTERPRETATION.find((l) => LANGUAGES[l].has(value));
    return language ? { ok: true, audience: { kind: 'interpretation', language } } : { ok: false, error: 'unknownLanguage', given };
  }
  if (STARRED.has(first)) return hasSession(value) ? { ok: true, audience: { kind: 'starred', session: value } } : { ok: false, error: 'unknownSession', given };
  return { ok: false, error: 'audience', given: raw.trim().slice(0, 80) };
}
