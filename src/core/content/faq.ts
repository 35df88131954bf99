// content/event-faq.json: the event's own facts (is it free, who may attend, when it runs…), each in the three
// languages with the buttons that follow from it and the signs of a question about it. Checked at start-up and on
// `reload` like the other content files: a sign naming a class that does not exist stops start-up with its path.
import { z } from 'zod';
import { LANGS } from '../lang.js';
import { localizedText } from './schema.js';

/** What a fact's buttons may run: commands every participant has. */
export const FACT_ACTIONS = ['register', 'today', 'week', 'me', 'me export', 'me delete', 'myagenda', 'resources', 'help'] as const;
export type FactAction = (typeof FACT_ACTIONS)[number];

/** One term of a sign: words, `stem*`, `@class`, joined by `|`; no spaces inside. */
const TERM = /^(?:@[a-z]+|[^\s|@*]+\*?)(?:\|(?:@[a-z]+|[^\s|@*]+\*?))*$/u;
const sign = z
  .string()
  .trim()
  .min(1)
  .refine((s) => s.split(/\s+/).every((t) => TERM.test(t)), { message: 'a sign is words separated by spaces; each may be "a|b", "stem*" or "@class"; fix the sign' });
const signs = z.array(sign).min(1);
const perLangSigns = z.object({ en: signs, fr: signs, ar: signs }).strict();
const words = z.array(z.string().trim().min(1)).min(1);

export const faqSchema = z
  .object({
    about: z.string().optional(),
    /** Word classes a sign may name (`@event`): the words for the event, for a session… */
    classes: z.record(z.string().regex(/^[a-z]+$/, 'a class name is lower-case letters'), z.object({ en: words, fr: words, ar: words }).strict()),
    facts: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z-]*$/, 'a fact id is lower-case letters and hyphens, such as "session-format"'),
            text: localizedText,
            actions: z.array(z.enum(FACT_ACTIONS)).max(2),
            signs: perLangSigns,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Faq = z.infer<typeof faqSchema>;
export type Fact = Faq['facts'][number];

/** Problems the shape alone cannot show: an id twice, a class named that does not exist. */
export function faqProblem(faq: Faq): { path: string; problem: string } | undefined {
  const seen = new Set<string>();
  for (const [i, fact] of faq.facts.entries()) {
    if (seen.has(fact.id)) return { path: `$.facts[${i}].id`, problem: `duplicate fact id "${fact.id}"; ids must be unique` };
    seen.add(fact.id);
    for (const lang of LANGS) {
      for (const [j, s] of fact.signs[lang].entries()) {
        const missing = [...s.matchAll(/@([a-z]+)/g)].map((m) => m[1]!).find((name) => !(name in faq.classes));
        if (missing) return { path: `$.facts[${i}].signs.${lang}[${j}]`, problem: `"@${missing}" is not one of the classes (${Object.keys(faq.classes).join(', ')}); add it under "classes" or fix the name` };
      }
    }
  }
  return undefined;
}
