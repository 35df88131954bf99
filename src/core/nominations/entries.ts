// What follows `nominate`: an optional region code, then entries separated by commas, semicolons or lines, each an
// email and an optional name ("amina@example.org Amina Benali"). Anything else is named back and nothing is kept.
import { REGIONS, type Region } from '../choices.js';
import { MAX_NOMINEE_NAME } from '../store/nomination.js';

export interface NomineeEntry {
  email: string;
  name?: string;
}

export type ParsedEntries =
  | { ok: true; region?: Region; entries: NomineeEntry[] }
  | { ok: false; reason: 'unknownRegion'; given: string }
  | { ok: false; reason: 'notEntries'; bad: string[] };

/** One @, something before it, a dot after it with something on each side (as invitations read emails). */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@.\s]+$/;
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const strip = (word: string) => word.replace(/^["'<(]+|[>)"']+$/g, '');

export function parseEntries(text: string): ParsedEntries {
  const parts = text.split(/[,;،؛\n]+/).map((p) => p.trim()).filter(Boolean);
  let region: Region | undefined;
  const entries = new Map<string, NomineeEntry>();
  const bad: string[] = [];
  parts.forEach((part, i) => {
    const words = part.split(/\s+/);
    const at = words.findIndex((w) => EMAIL.test(strip(w)));
    if (at < 0) return void bad.push(part);
    const before = words.slice(0, at);
    if (i === 0 && before.length === 1) {
      const code = before[0]!.toUpperCase();
      if (!(REGIONS as readonly string[]).includes(code)) return void bad.push(`region:${before[0]}`);
      region = code as Region;
    } else if (before.length > 0) return void bad.push(part);
    const email = strip(words[at]!).toLowerCase();
    const name = words.slice(at + 1).join(' ').trim();
    if (email.length > 254 || name.length > MAX_NOMINEE_NAME || CONTROL.test(name)) return void bad.push(part);
    if (!entries.has(email)) entries.set(email, { email, ...(name ? { name } : {}) });
  });
  const unknown = bad.find((b) => b.startsWith('region:'));
  if (unknown) return { ok: false, reason: 'unknownRegion', given: unknown.slice('region:'.length) };
  if (bad.length > 0 || entries.size === 0) return { ok: false, reason: 'notEntries', bad };
  return { ok: true, ...(region ? { region } : {}), entries: [...entries.values()] };
}
