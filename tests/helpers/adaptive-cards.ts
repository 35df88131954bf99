// The adaptivecards renderer's own parser and validator, used to check every card the bot produces.
import { createRequire } from 'node:module';

// The package's ES build omits file extensions Node needs; its UMD bundle loads fine.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Every warning or error the renderer reports while parsing and validating a card. */
export function cardProblems(card: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card as never, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
