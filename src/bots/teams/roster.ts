// The email Teams vouches a user owns: their member record in the conversation's roster (TeamsInfo.getMember),
// asked only when they register, with a short timeout; any failure means "not vouched", never an error.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { log } from '../../core/log.js';

const TIMEOUT_MS = 2_000;

export async function rosterEmail(context: TurnContext): Promise<string | undefined> {
  const userId = context.activity.from?.id;
  if (!userId) return undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    const member = await Promise.race([
      TeamsInfo.getMember(context, userId),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('roster timeout')), TIMEOUT_MS))),
    ]);
    return member.email ?? undefined;
  } catch (err) {
    log.warn({ surface: 'teams', err: (err as Error).message?.split('\n')[0]?.slice(0, 120) }, 'roster lookup failed; email not vouched');
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
