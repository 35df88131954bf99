// A button's command as the reader would type it: "me delete confirm" is « moi supprimer confirmer » in French
// and "بياناتي حذف تأكيد" in Arabic. The text surfaces show this, never an English command to others.
import { z } from 'zod';
import type { Lang } from '../core/lang.js';
import type { I18n } from '../core/i18n/i18n.js';
import type { SayCommand } from '../core/reply.js';
import { FIELDS } from '../core/forms/fields.js';
import table from './command-words.json' with { type: 'json' };
import { commandPhrase } from './command-phrases.js';

/** The words after a command (me delete, register form) and the form's own words, in French and Arabic. */
const WORDS = z.object({ fr: z.record(z.string(), z.string()), ar: z.record(z.string(), z.string()) }).parse(table);

/** What the typed-command writer needs from the command table. */
export interface CommandNames {
  find(name: string): { spec: { aliases: Record<Lang, string[]> } } | undefined;
}

export function commandWords(commands: CommandNames, i18n: I18n): SayCommand {
  return (command, lang) => {
    const [first = '', ...rest] = command.split(' ');
    // English keeps the command as written, by the first of its English words ("myagenda" is typed "my agenda").
    if (lang === 'en') return [commands.find(first)?.spec.aliases.en[0] ?? first, ...rest].join(' ');
    const phrase = commandPhrase(command, lang);
    if (phrase) return phrase;
    const words = WORDS[lang];
    const head = commands.find(first)?.spec.aliases[lang][0] ?? words[first];
    if (head === undefined) return undefined;
    const tail = rest.map((w, i) => {
      // "edit country": the field by its label in the reader's language.
      // Only its first letter lowered: « modifier région de la Banque mondiale » keeps the proper noun.
      if (first === 'edit' && i === 0 && FIELDS.some((f) => f.id === w)) {
        const label = i18n.t(lang)(`form.fields.${w}.label`);
        return label.charAt(0).toLocaleLowerCase(lang) + label.slice(1);
      }
      return words[w] ?? w;
    });
    return [head, ...tail].join(' ');
  };
}
