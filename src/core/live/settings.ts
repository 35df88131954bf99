// What organisers set for live sessions (CKEX_LIVE_MINUTES, CKEX_QA_ANONYMOUS, CKEX_QA_MODERATION), and the limits.
export interface LiveSettings {
  /** Minutes before a session starts when its live post goes out and questions open. */
  minutes: number;
  /** Whether a question may be anonymous. */
  anonymous: boolean;
  /** Whether new questions wait for a moderator before others see them. */
  moderation: boolean;
}

/** Questions one person may have waiting or open in one session at a time. */
export const MAX_OPEN_QUESTIONS = 10;
