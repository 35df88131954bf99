// The adaptivecards renderer's own parser and validator, used to check every card the bot produces.
import { createRequire } from 'node:module';

// The package's ES build omits file extensions Node needs; its UMD bundle loads fine.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Every warning or error the renderer reports while parsing and validating a card. */
export function cardProblems(card: unknown): string[] {
  // The SDK checks `lang` with a global regex (/^[a-z]{2,3}$/gi) whose lastIndex survives a match, so every second
  // card would fail "Invalid value "en" for property "lang"": start each card from a fresh regex state.
  const langRegex = (AC.CardElement as unknown as { langProperty: { regEx?: RegExp } }).langProperty.regEx;
  if (langRegex) langRegex.lastIndex = 0;
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card as never, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
