// When an announcement goes, as an organiser types it: now, or a date and time in their own zone ("2021-05-06
// 09:00", "06/05/2021 9:00"). A time already past is refused, never sent at once by surprise.
import { DateTime } from 'luxon';
import { normalizeWord } from '../i18n/normalize.js';

export type WhenRead = { ok: true; at: DateTime; now: boolean } | { ok: false; error: 'when' | 'past' };

const NOW = new Set(['now', 'right now', 'immediately', 'maintenant', 'tout de suite', 'immédiatement', 'الآن', 'الان', 'فورا', 'فوراً'].map(normalizeWord));
const FORMATS = ['yyyy-MM-dd HH:mm', 'yyyy-MM-dd H:mm', "yyyy-MM-dd'T'HH:mm", 'dd/MM/yyyy HH:mm', 'dd/MM/yyyy H:mm', 'd/M/yyyy H:mm'];

export function readWhen(raw: string, zone: string, now: DateTime): WhenRead {
  const typed = normalizeWord(raw.trim().replace(/[.!]+$/u, '').replace(/\s+/g, ' '));
  if (NOW.has(typed)) return { ok: true, at: now.toUTC(), now: true };
  const text = typed.replace(/\s*(?:h|:)\s*(\d{2})$/u, ':$1').replace(/\s+(?:à|at|a|في|الساعة)\s+/u, ' ');
  const at = FORMATS.map((f) => DateTime.fromFormat(text, f, { zone })).find((d) => d.isValid);
  if (!at) return { ok: false, error: 'when' };
  if (at <= now) return { ok: false, error: 'past' };
  return { ok: true, at: at.toUTC(), now: false };
}
