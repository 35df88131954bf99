// The shape an activity must have before botbuilder sees it: a 400 for anything else, never a 500 or 501.
import { z } from 'zod';

const object = z.object({}).passthrough();

export const activitySchema = z
  .object({
    type: z.string().min(1),
    serviceUrl: z.string().url(),
    channelId: z.string().min(1),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    from: z.object({ id: z.string().min(1) }).passthrough(),
    recipient: z.object({ id: z.string().min(1) }).passthrough(),
    text: z.string().optional(),
    name: z.string().optional(),
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    // A card action must carry an action object: botbuilder reads value.action.type without checking.
    if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
      const value = (activity as { value?: unknown }).value;
      if (value !== undefined && value !== null && !object.extend({ action: object }).safeParse(value).success) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'an adaptiveCard/action invoke needs value.action' });
      }
    }
  });

/** Why a body is not an activity we accept, or undefined when it is. */
export function activityProblem(body: unknown): string | undefined {
  const parsed = activitySchema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `${issue.path.join('.') || 'activity'}: ${issue.message}`;
}
