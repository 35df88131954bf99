// The email Teams vouches a user owns: their member record in the conversation's roster (TeamsInfo.getMember),
// asked only when they register, with a short timeout; any failure means "not vouched", never an error.
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { log } from '../../core/log.js';
import { within } from '../../core/within.js';

const TIMEOUT_MS = 2_000;

export async function rosterEmail(context: TurnContext): Promise<string | undefined> {
  const userId = context.activity.from?.id;
  if (!userId) return undefined;
  try {
    const member = await within(TeamsInfo.getMember(context, userId), TIMEOUT_MS);
    if (!member) log.warn({ surface: 'teams' }, 'roster lookup timed out; email not vouched');
    return member?.email ?? undefined;
  } catch (err) {
    log.warn({ surface: 'teams', err: (err as Error).message?.split('\n')[0]?.slice(0, 120) }, 'roster lookup failed; email not vouched');
    return undefined;
  }
}
