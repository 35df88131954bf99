// A command typed in its natural order (« supprimer mes données », «إيقاف التذكير»): the command it shows for.
import { phraseKey } from '../understanding/normalize.js';
import { commandPhrases } from '../views/command-phrases.js';

const BY_PHRASE = new Map(commandPhrases().map(([phrase, command]) => [phraseKey(phrase), command]));

export function naturalCommand(text: string): string | undefined {
  return BY_PHRASE.get(phraseKey(text));
}
