// Who moderates a session's questions: the organisers (CKEX_ADMINS), and the people listed for that session
// (`moderators <session> <ids>`), each id honoured only on the platform that issues it, as organisers' are.
import { isOrganiser } from '../admins.js';

export function canModerate(admins: ReadonlySet<string>, caller: { id: string; adminIds?: string[] }, moderators: readonly string[]): boolean {
  return isOrganiser(admins, caller.id, caller.adminIds ?? []) || isOrganiser(new Set(moderators), caller.id, caller.adminIds ?? []);
}
