// What a question can be about: every session, library item and week, each as a title, tags and a body in the
// three languages. Tags hold the names of the ideas it carries (concepts.json), so "كبار السن" finds the session
// on ageing and "paiements mobiles" the one on digital payments, whatever words its own text uses.
import type { Localized } from '../core/content/schema.js';
import { LANGS, type Lang } from '../core/lang.js';
import type { Content } from '../core/content/load.js';
import { countryName } from '../core/forms/countries.js';
import { phraseKey } from './normalize.js';
import type { Hit } from '../core/reading.js';
import { CONCEPTS } from './vocabulary/load.js';

export interface Doc {
  kind: Hit['kind'];
  id: string;
  title: Localized;
  tags: Localized;
  body: Localized;
}

const each = (f: (lang: Lang) => string): Localized => ({ en: f('en'), fr: f('fr'), ar: f('ar') });
const join = (parts: (Localized | undefined)[], lang: Lang): string => parts.map((p) => p?.[lang] ?? '').join(' . ');

/** Each concept's signs, normalised once. */
const SIGNS = CONCEPTS.concepts.map((c) => each((lang) => (c.tagWhen?.[lang] ?? []).map((p) => ` ${phraseKey(p)} `).join('\n')));

/** The names of every concept a title (or an item's tags), or a special topic, carries, in each language. */
function conceptNames(text: Localized, topics: readonly string[]): Localized {
  const folded = each((lang) => ` ${phraseKey(text[lang])} `);
  const carried = CONCEPTS.concepts.filter((c, i) => {
    if (c.topic !== undefined && topics.includes(c.topic)) return true;
    return LANGS.some((lang) => SIGNS[i]![lang].split('\n').some((sign) => sign.trim() !== '' && folded[lang].includes(sign)));
  });
  return each((lang) => carried.flatMap((c) => c.names[lang]).join(' . '));
}

export function documentsOf(content: Content): Doc[] {
  const { event, agenda, library } = content;
  const topicTitle = (id: string | undefined) => event.specialTopics.find((t) => t.id === id)?.title;
  const docs: Doc[] = [];
  for (const s of agenda.sessions) {
    const week = event.weeks.find((w) => w.number === s.week);
    // Ideas are read from the title only: a description mentions much in passing.
    const concepts = conceptNames(s.title, s.topic ? [s.topic] : []);
    docs.push({
      kind: 'session',
      id: s.id,
      title: s.title,
      tags: each((l) => join([topicTitle(s.topic), concepts], l)),
      body: each((l) => [s.description[l], ...s.speakers.map((sp) => sp[l]), week?.title[l] ?? ''].join(' . ')),
    });
  }
  for (const r of library.resources) {
    const text = each((l) => join([r.title, r.tags], l));
    const concepts = conceptNames(text, r.topics);
    const countries = each((l) => r.countries.map((c) => countryName(c, l)).join(' . '));
    docs.push({ kind: 'resource', id: r.id, title: r.title, tags: each((l) => join([r.tags, concepts, countries, ...r.topics.map(topicTitle)], l)), body: r.summary });
  }
  for (const w of event.weeks) {
    const keywords = each((l) => (l === 'en' ? w.keywords.join(' . ') : ''));
    // The special topics its sessions are on (week 4's six).
    const onTopics = new Set(agenda.sessions.filter((s) => s.week === w.number && s.topic).map((s) => s.topic));
    const topics = each((l) => event.specialTopics.filter((t) => onTopics.has(t.id)).map((t) => t.title[l]).join(' . '));
    docs.push({ kind: 'week', id: String(w.number), title: w.title, tags: each((l) => join([keywords, topics], l)), body: w.summary });
  }
  return docs;
}
