// Whole commands in the reader's natural word order (command-phrases.json): what a button or a line of help shows
// for "me delete" is « supprimer mes données », «حذف بياناتي». The dispatcher reads them back (natural-commands.ts).
import { z } from 'zod';
import table from './command-phrases.json' with { type: 'json' };

const PHRASES = z.object({ about: z.string(), fr: z.record(z.string(), z.string().min(1)), ar: z.record(z.string(), z.string().min(1)) }).parse(table);

/** The natural phrase for an English command in French or Arabic, if it has one. */
export function commandPhrase(command: string, lang: 'fr' | 'ar'): string | undefined {
  return PHRASES[lang][command];
}

/** Every phrase with the English command it stands for. */
export function commandPhrases(): [phrase: string, command: string][] {
  return (['fr', 'ar'] as const).flatMap((l) => Object.entries(PHRASES[l]).map(([command, phrase]) => [phrase, command] as [string, string]));
}
