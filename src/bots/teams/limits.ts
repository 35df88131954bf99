// What Teams accepts, in one place (learn.microsoft.com: Adaptive Cards in Teams, bot message limits).
export const TEAMS_LIMITS = {
  cardVersion: '1.5',
  /** Teams refuses activities over about 28 KB; keep each card well below. */
  cardBytes: 24_000,
  /** Teams shows at most six actions in an action set, but beyond three a row the titles are cut: three a row. */
  actionsPerRow: 3,
  /**
   * Characters of titles (plus padding per button) that fit side by side on a 320 px phone without being cut,
   * measured in Chromium under the Teams host config (tests/cards.browser.test.ts): about 6 px a character and
   * 32 px of padding and gap a button, in a 288 px row.
   */
  rowWidth: 44,
  actionPadding: 5,
  factsPerSet: 30,
} as const;
