// What Teams accepts, in one place (learn.microsoft.com: Adaptive Cards in Teams, bot message limits).
export const TEAMS_LIMITS = {
  cardVersion: '1.5',
  /** Teams refuses activities over about 28 KB; keep each card well below. */
  cardBytes: 24_000,
  /** Teams shows at most six actions in an action set. */
  actionsPerSet: 6,
  factsPerSet: 30,
} as const;
