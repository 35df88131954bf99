// Where the bot can reach a conversation later: only the fields a proactive message needs, each bounded, and no
// person's name. Everything else an activity carries (or an attacker puts in it) is dropped before it is stored.
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';

const id = z.string().min(1).max(512);
const account = z.object({ id, aadObjectId: z.string().max(128).optional(), role: z.string().max(32).optional() });

export const storedReferenceSchema = z.object({
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url().max(512),
  locale: z.string().max(35).optional(),
  conversation: z.object({ id, conversationType: z.string().max(32).optional(), tenantId: z.string().max(128).optional(), isGroup: z.boolean().optional() }),
  bot: account.extend({ name: z.string().max(128).optional() }),
  user: account.optional(),
});
export type StoredReference = z.infer<typeof storedReferenceSchema>;

/** The reference to store for this activity, or undefined when a field is missing or out of bounds. */
export function referenceOf(activity: Activity): StoredReference | undefined {
  const raw = TurnContext.getConversationReference(activity) as Partial<ConversationReference>;
  const parsed = storedReferenceSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
